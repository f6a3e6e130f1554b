package dev.compose2bake.compose;

import dev.compose2bake.interp.Part;
import dev.compose2bake.interp.Template;
import dev.compose2bake.source.Position;
import java.util.List;

/**
 * A {@code ${NAME:?message}} or {@code ${NAME?message}} anywhere in the project. Compose refuses
 * the whole project when one fails, whatever field it is in, so each becomes a validation of the
 * bake variable NAME.
 */
public record RequiredVariable(String name, boolean nonEmpty, Template message, Position position) {

  /** Adds the required uses of a template (including those nested in defaults) to {@code out}. */
  static void collect(Template t, Position position, List<RequiredVariable> out) {
    for (Part p : t.parts()) {
      if (p instanceof Part.Operation op) {
        if (op.op() == Part.Op.REQUIRED || op.op() == Part.Op.REQUIRED_NON_EMPTY) {
          out.add(new RequiredVariable(op.name(), op.op() == Part.Op.REQUIRED_NON_EMPTY, op.argument(), position));
        }
        collect(op.argument(), position, out);
      }
    }
  }
}
