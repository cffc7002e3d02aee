package io.cedarwood.engine.json;

import io.cedarwood.engine.eval.EvaluationException;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
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
        // without schema information, the only kind so far, a value is read by its own shape
        return readByShape(n, path);
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
