package dev.compose2bake.cli;

/** The exit codes of compose2bake (SPEC §5). */
public final class ExitCodes {
  public static final int OK = 0;
  /** {@code --check} found the output file out of date. */
  public static final int OUT_OF_DATE = 1;
  /** The command line is wrong. */
  public static final int USAGE = 2;
  /** The Compose project is invalid. */
  public static final int INVALID = 3;
  /** A file could not be read or written. */
  public static final int IO = 4;
  /** {@code build}: the docker client or its buildx plugin cannot be run (EX_UNAVAILABLE). */
  public static final int UNAVAILABLE = 69;
  /** A bug in compose2bake (EX_SOFTWARE); the message asks for a report. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
