package dev.compose2bake.lower;

/**
 * One validated ulimit, as bake's {@code ulimits} list item.
 *
 * <p>{@link #render()} gives {@code name=soft:hard} (go-units' {@code Ulimit.String()}), except for
 * a ulimit written with a single value ({@code nofile: 1024} in Compose), which compose2bake renders
 * as {@code name=value}. bake reads that back as soft = hard = value. buildx 0.29.1 itself prints
 * {@code nofile=0:0} for the Compose short form, losing the value; compose2bake deliberately keeps it
 * (conformance cases 107 and 110).
 *
 * @param single true when the limit was given as one value (soft and hard are then equal)
 */
public record Ulimit(String name, long soft, long hard, boolean single) {

  /** Creates a ulimit; a single-value ulimit must have soft == hard. */
  public Ulimit {
    if (single && soft != hard) {
      throw new IllegalArgumentException("a single-value ulimit needs soft == hard");
    }
  }

  /** The bake list item: {@code name=soft:hard}, or {@code name=value} for a single value. */
  public String render() {
    return single ? name + "=" + soft : name + "=" + soft + ":" + hard;
  }

  /** go-units' {@code Ulimit.String()}: always {@code name=soft:hard}. */
  public String goString() {
    return name + "=" + soft + ":" + hard;
  }

  @Override
  public String toString() {
    return render();
  }
}
