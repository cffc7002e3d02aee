package io.cedarwood.engine.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The escapes of Cedar's JSON value format, recognised exactly as the reference does
 * ({@code cedar-policy-core/src/entities/json/value.rs}): an object is an escape only when it has a
 * single key, and that key's value has the expected members; any other object, including
 * {@code {"__entity": "x"}}, is a plain record. Extra members inside the escape are ignored.
 */
sealed interface Escape {

    /** {@code {"__entity": {"type": "User", "id": "alice"}}}. */
    record Entity(Node.Str type, Node.Str id, Path typePath) implements Escape {
    }

    /**
     * {@code {"__extn": {"fn": "decimal", "arg": "1.23"}}} or, with several arguments,
     * {@code {"__extn": {"fn": "offset", "args": [a, b]}}}.
     */
    record Extension(String function, List<Node> args, List<Path> argPaths) implements Escape {
    }

    /** {@code {"__expr": "..."}}, no longer supported: reading it is an error. */
    record Expr() implements Escape {
    }

    /** The escape {@code obj} is, or {@code null} when it is a plain record. */
    static Escape classify(Node.Obj obj, Path path) {
        if (obj.size() != 1) {
            return null;
        }
        String key = obj.keys().iterator().next();
        Node value = obj.get(key);
        switch (key) {
            case "__entity" -> {
                if (value instanceof Node.Obj o && o.size() >= 2
                        && o.get("type") instanceof Node.Str type && o.get("id") instanceof Node.Str id) {
                    return new Entity(type, id, path.key(key).key("type"));
                }
            }
            case "__extn" -> {
                if (value instanceof Node.Obj o && o.size() >= 2 && o.get("fn") instanceof Node.Str fn) {
                    Path body = path.key(key);
                    Node arg = o.get("arg");
                    if (arg != null) {
                        return new Extension(fn.value(), List.of(arg), List.of(body.key("arg")));
                    }
                    if (o.get("args") instanceof Node.Arr args) {
                        Path argsPath = body.key("args");
                        List<Path> paths = new ArrayList<>();
                        for (int i = 0; i < args.elements().size(); i++) {
                            paths.add(argsPath.index(i));
                        }
                        return new Extension(fn.value(), args.elements(), paths);
                    }
                }
            }
            case "__expr" -> {
                if (value instanceof Node.Str) {
                    return new Expr();
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }
}
