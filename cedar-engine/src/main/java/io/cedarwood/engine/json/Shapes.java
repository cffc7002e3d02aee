package io.cedarwood.engine.json;

import java.util.List;
import java.util.stream.Collectors;

/** Checks on the shape of parsed JSON, each failing with a {@link JsonFormatException} that says where. */
final class Shapes {
    private Shapes() {
    }

    static JsonFormatException error(Node at, Path path, String reason) {
        return new JsonFormatException(reason, path.toString(), at.line(), at.column());
    }

    static Node.Obj object(Node n, Path path) {
        if (n instanceof Node.Obj o) {
            return o;
        }
        throw error(n, path, "expected an object, found " + n.describe());
    }

    static Node.Arr array(Node n, Path path) {
        if (n instanceof Node.Arr a) {
            return a;
        }
        throw error(n, path, "expected an array, found " + n.describe());
    }

    static String string(Node n, Path path) {
        if (n instanceof Node.Str s) {
            return s.value();
        }
        throw error(n, path, "expected a string, found " + n.describe());
    }

    /**
     * The number as a Cedar {@code Long}. Like the reference (serde_json into {@code i64}), this rejects
     * fractions and exponents, numbers outside the 64-bit range, and {@code -0}, which serde_json reads as a
     * floating-point number.
     */
    static long longValue(Node.Num n, Path path) {
        if (!n.integral()) {
            throw error(n, path, "number `" + n.text() + "` is not an integer");
        }
        if (n.text().equals("-0")) {
            throw error(n, path, "number `-0` is not accepted as a `Long`; write `0`");
        }
        try {
            return Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw error(n, path, "number `" + n.text() + "` does not fit in a `Long`");
        }
    }

    /** Reads the members of one object. */
    static final class Fields {
        private final Node.Obj obj;
        private final Path path;

        private Fields(Node.Obj obj, Path path) {
            this.obj = obj;
            this.path = path;
        }

        /** The members of an object that may have only the {@code allowed} keys; fails on any other. */
        static Fields strict(Node.Obj obj, Path path, String... allowed) {
            List<String> keys = List.of(allowed);
            for (String key : obj.keys()) {
                if (!keys.contains(key)) {
                    throw error(obj.keyNode(key), path, "unknown key `" + key + "`, expected "
                            + (keys.size() == 1 ? "only " : "one of ")
                            + keys.stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")));
                }
            }
            return new Fields(obj, path);
        }

        /** The members of an object whose other keys are ignored, as the reference ignores them there. */
        static Fields lenient(Node.Obj obj, Path path) {
            return new Fields(obj, path);
        }

        Node.Obj obj() {
            return obj;
        }

        /** The path of the object itself. */
        Path here() {
            return path;
        }

        /** The path of the member {@code key}. */
        Path path(String key) {
            return path.key(key);
        }

        Node required(String key) {
            Node n = obj.get(key);
            if (n == null) {
                throw error(obj, path, "missing required key `" + key + "`");
            }
            return n;
        }

        /** The member's value, or {@code null} when absent. */
        Node optional(String key) {
            return obj.get(key);
        }
    }
}
