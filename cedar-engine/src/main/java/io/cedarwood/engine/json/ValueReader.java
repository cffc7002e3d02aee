package io.cedarwood.engine.json;

import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.schema.ResolvedSchema;
import io.cedarwood.engine.schema.SchemaType;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.Names;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Cedar's JSON value format (the format of entity attributes, tags and contexts): booleans, integers,
 * strings, arrays as sets, objects as records, and the {@code __entity} and {@code __extn} escapes.
 * Extension escapes are evaluated at once, as the reference does when it builds entities.
 */
final class ValueReader {
    /** Calls an extension function on evaluated arguments; throws {@link EvaluationException} on bad ones. */
    @FunctionalInterface
    interface ExtensionCaller {
        Value call(String function, List<Value> arguments);
    }

    static final ValueReader DEFAULT = new ValueReader(Extensions::call);

    private final ExtensionCaller extensions;

    ValueReader(ExtensionCaller extensions) {
        this.extensions = extensions;
    }

    /** Reads the value at {@code path}, steered by what is expected there. */
    Value read(Node n, Path path, ExpectedType expected) {
        if (expected instanceof ExpectedType.Declared declared) {
            return readTyped(n, path, declared.type());
        }
        return readByShape(n, path);
    }

    /**
     * Reads a value whose type the schema declares, as the reference does
     * ({@code cedar-policy-core/src/entities/json/value.rs}, {@code val_into_restricted_expr}): an entity
     * type accepts the implicit {@code {"type", "id"}}, an extension type accepts the implicit
     * {@code {"fn", "arg"}} and a bare value for its constructor, sets and records pass their declared
     * types on (a record must have every required attribute and no undeclared one); where a primitive is
     * declared the value is read by its shape, and whether it has that type is checked afterwards by
     * conformance. Recursion follows the document, which is at most 127 levels deep.
     */
    private Value readTyped(Node n, Path path, SchemaType type) {
        if (type instanceof SchemaType.EntityRefType) {
            return readEntityRef(n, path);
        } else if (type instanceof SchemaType.ExtensionType x) {
            return readExtension(n, path, x.name());
        } else if (type instanceof SchemaType.SetType set) {
            if (!(n instanceof Node.Arr a)) {
                throw typeMismatch(n, path, type);
            }
            List<Value> elements = new ArrayList<>(a.elements().size());
            for (int i = 0; i < a.elements().size(); i++) {
                elements.add(readTyped(a.elements().get(i), path.index(i), set.element()));
            }
            return SetValue.of(elements);
        } else if (type instanceof SchemaType.RecordType record) {
            if (!(n instanceof Node.Obj o)) {
                throw typeMismatch(n, path, type);
            }
            return readRecord(o, path, record);
        }
        return readByShape(n, path);
    }

    private Value readRecord(Node.Obj o, Path path, SchemaType.RecordType type) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, SchemaType.AttributeType> a : type.attributes().entrySet()) {
            Node value = o.get(a.getKey());
            if (value != null) {
                attributes.put(a.getKey(), readTyped(value, path.key(a.getKey()), a.getValue().type()));
            } else if (a.getValue().required()) {
                throw Shapes.error(o, path, "the record is missing the required attribute `" + a.getKey()
                        + "` of type `" + type + "`");
            }
        }
        for (String key : o.keys()) {
            if (type.attribute(key) == null) {
                throw Shapes.error(o.keyNode(key), path.key(key), "the record has the attribute `" + key
                        + "`, which type `" + type + "` does not declare");
            }
        }
        return new RecordValue(attributes);
    }

    private static JsonFormatException typeMismatch(Node n, Path path, SchemaType type) {
        return Shapes.error(n, path, "expected a value of type `" + type + "`, found `" + JsonText.render(n) + "`");
    }

    /**
     * A value where an extension type is expected, tried in the reference's order: the removed
     * {@code __expr} escape (an error), the explicit {@code {"__extn": {"fn", "arg" or "args"}}}, the
     * implicit {@code {"fn", "arg" or "args"}}, and otherwise any value as the argument of the type's
     * constructor ({@code "10.0.0.1"} where an {@code ipaddr} is expected means {@code ip("10.0.0.1")}).
     * The arguments of a call are read with the function's argument types, so
     * {@code {"fn": "offset", "args": ["2024-01-01", "1h"]}} is a datetime. The result may be of another
     * extension type than expected; conformance says so.
     */
    private Value readExtension(Node n, Path path, String typeName) {
        if (n instanceof Node.Obj o) {
            if (o.get("__expr") instanceof Node.Str) {
                throw Shapes.error(o, path, "the `__expr` escape is no longer supported");
            }
            if (o.get("__extn") instanceof Node.Obj body && isCall(body)) {
                return readCall(body, path.key("__extn"));
            }
            if (isCall(o)) {
                return readCall(o, path);
            }
        }
        ExtensionFunction constructor = constructorOf(typeName);
        if (constructor == null) {
            throw Shapes.error(n, path, "no extension function constructs a `" + typeName + "` from one value");
        }
        Value arg = readTyped(n, path, ResolvedSchema.typeOf(constructor.argumentTypes().get(0)));
        return callExtension(constructor.name(), List.of(arg), n, path);
    }

    /** Whether the object names a function and its argument(s), as the reference's {@code FnAndArgs}. */
    private static boolean isCall(Node.Obj o) {
        return o.get("fn") instanceof Node.Str && (o.has("arg") || o.get("args") instanceof Node.Arr);
    }

    private Value readCall(Node.Obj call, Path path) {
        String name = ((Node.Str) call.get("fn")).value();
        List<Node> args;
        List<Path> argPaths = new ArrayList<>();
        if (call.has("arg")) {
            args = List.of(call.get("arg"));
            argPaths.add(path.key("arg"));
        } else {
            args = ((Node.Arr) call.get("args")).elements();
            for (int i = 0; i < args.size(); i++) {
                argPaths.add(path.key("args").index(i));
            }
        }
        ExtensionFunction function = Extensions.function(name);
        if (function == null) {
            throw Shapes.error(call, path, "unknown extension function `" + name + "`");
        }
        if (function.arity() != args.size()) {
            throw Shapes.error(call, path, "extension function `" + name + "` takes " + function.arity()
                    + (function.arity() == 1 ? " argument" : " arguments") + ", found " + args.size());
        }
        List<Value> values = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            values.add(readTyped(args.get(i), argPaths.get(i), ResolvedSchema.typeOf(function.argumentTypes().get(i))));
        }
        return callExtension(name, values, call, path);
    }

    /** The function that builds a value of the extension type from a single argument, or {@code null}. */
    private static ExtensionFunction constructorOf(String typeName) {
        for (ExtensionFunction f : Extensions.all()) {
            if (f.isConstructor() && f.arity() == 1 && f.returnType().cedarName().equals(typeName)) {
                return f;
            }
        }
        return null;
    }

    private Value readByShape(Node n, Path path) {
        if (n instanceof Node.Bool b) {
            return BoolValue.of(b.value());
        } else if (n instanceof Node.Num num) {
            return LongValue.of(Shapes.longValue(num, path));
        } else if (n instanceof Node.Str s) {
            return StringValue.of(s.value());
        } else if (n instanceof Node.Null) {
            throw Shapes.error(n, path, "found `null`, which is not a Cedar value");
        } else if (n instanceof Node.Arr a) {
            List<Value> elements = new ArrayList<>(a.elements().size());
            for (int i = 0; i < a.elements().size(); i++) {
                elements.add(readByShape(a.elements().get(i), path.index(i)));
            }
            return SetValue.of(elements);
        }
        Node.Obj o = (Node.Obj) n;
        Escape escape = Escape.classify(o, path);
        if (escape instanceof Escape.Entity e) {
            return uid(e.type(), e.id().value(), e.typePath());
        } else if (escape instanceof Escape.Extension x) {
            List<Value> args = new ArrayList<>(x.args().size());
            for (int i = 0; i < x.args().size(); i++) {
                args.add(readByShape(x.args().get(i), x.argPaths().get(i)));
            }
            return callExtension(x.function(), args, o, path);
        } else if (escape instanceof Escape.Expr) {
            throw Shapes.error(o, path, "the `__expr` escape is no longer supported");
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (Node.Member m : o.members().values()) {
            attributes.put(m.key().value(), readByShape(m.value(), path.key(m.key().value())));
        }
        return new RecordValue(attributes);
    }

    private Value callExtension(String function, List<Value> args, Node at, Path path) {
        if (Extensions.function(function) == null) {
            throw Shapes.error(at, path, "unknown extension function `" + function + "`");
        }
        try {
            return extensions.call(function, args);
        } catch (EvaluationException e) {
            throw Shapes.error(at, path, e.getMessage());
        }
    }

    /**
     * An entity reference where the reference expects one (an entity's {@code uid} and {@code parents},
     * scope constraints, template-link values): the explicit {@code {"__entity": {"type", "id"}}} or the
     * implicit {@code {"type", "id"}}. Extra members are ignored, as in the reference.
     */
    static EntityUid readEntityRef(Node n, Path path) {
        if (n instanceof Node.Obj o) {
            if (o.get("__expr") instanceof Node.Str) {
                throw Shapes.error(o, path, "the `__expr` escape is no longer supported");
            }
            if (o.get("__entity") instanceof Node.Obj e
                    && e.get("type") instanceof Node.Str type && e.get("id") instanceof Node.Str id) {
                return uid(type, id.value(), path.key("__entity").key("type"));
            }
            if (o.get("type") instanceof Node.Str type && o.get("id") instanceof Node.Str id) {
                return uid(type, id.value(), path.key("type"));
            }
        }
        throw Shapes.error(n, path, "expected an entity reference such as `{\"type\": \"User\", \"id\": \"alice\"}`, found `"
                + JsonText.render(n) + "`");
    }

    /** The uid, once the type name is checked. */
    static EntityUid uid(Node.Str type, String id, Path typePath) {
        return new EntityUid(entityType(type, typePath), id);
    }

    static EntityType entityType(Node.Str name, Path path) {
        if (!Names.isName(name.value(), false)) {
            throw Shapes.error(name, path, "`" + name.value() + "` is not a valid entity type name");
        }
        return new EntityType(name.value());
    }
}
