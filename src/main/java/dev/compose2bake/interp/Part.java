package dev.compose2bake.interp;

import java.util.Objects;

/** One piece of a parsed {@link Template}: literal text, a plain variable, or a variable with an operator. */
public sealed interface Part permits Part.Literal, Part.Variable, Part.Operation {

  /** Text copied as is; an escaped {@code $$} has already become a single {@code $}. */
  record Literal(String text) implements Part {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** {@code $NAME} ({@code braced == false}) or {@code ${NAME}} ({@code braced == true}); unset gives "". */
  record Variable(String name, boolean braced) implements Part {
    public Variable {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code ${NAME<op>argument}}, where the argument (default, error message or alternative) is a template. */
  record Operation(String name, Op op, Template argument) implements Part {
    public Operation {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(argument, "argument");
    }
  }

  /** The operators of a braced substitution, with the text that spells them. */
  enum Op {
    /** {@code :-} the argument when the variable is unset or empty, else its value. */
    DEFAULT_IF_UNSET_OR_EMPTY(":-"),
    /** {@code -} the argument when the variable is unset, else its value. */
    DEFAULT_IF_UNSET("-"),
    /** {@code :?} an error carrying the argument when the variable is unset or empty, else its value. */
    REQUIRED_NON_EMPTY(":?"),
    /** {@code ?} an error carrying the argument when the variable is unset, else its value. */
    REQUIRED("?"),
    /** {@code :+} the argument when the variable is set and non-empty, else "". */
    ALT_IF_NON_EMPTY(":+"),
    /** {@code +} the argument when the variable is set (even empty), else "". */
    ALT_IF_SET("+");

    private final String token;

    Op(String token) {
      this.token = token;
    }

    /** The operator as written in a template, e.g. {@code ":-"}. */
    public String token() {
      return token;
    }

    /** The operator spelled by {@code token}, or {@code null} if there is none. */
    public static Op fromToken(String token) {
      for (Op op : values()) {
        if (op.token.equals(token)) {
          return op;
        }
      }
      return null;
    }
  }
}
