package io.cedarwood.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.Names;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fast path of {@link EntityJson#read(Node, ValueReader)}: the entities JSON format read with Jackson's
 * streaming parser straight into entities, without a tree, without a path or a location per value. It
 * reads the common shapes only (uids and parents as {@code {"type", "id"}} or {@code {"__entity": {"type",
 * "id"}}}, attribute and tag values that are booleans, integers, strings, sets, records and {@code
 * __entity} escapes) and gives up, returning {@code null}, on anything else: a syntax error, a duplicate
 * key, a lone surrogate, a key it does not know, another escape, {@code null}, a number that is not a
 * {@code Long}, a bad type name, an action with a parent that is not an action. The caller then reads the
 * text with the tree reader, which gives the answer or the error (where and why) it always gave. So this
 * returns either exactly what the tree reader returns or nothing; the same parser factory keeps the same
 * nesting limit, so the recursion here is at most 127 deep.
 */
final class EntityStream {
    /** Thrown to give up; carries no stack trace. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    /** The entity types read so far, each name checked once. */
    private final Map<String, EntityType> types = new HashMap<>();

    private EntityStream() {
    }

    /** The entities of {@code json}, or {@code null} when the tree reader must read it. */
    static List<Entity> read(String json) {
        try (JsonParser p = JsonText.parser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            EntityStream reader = new EntityStream();
            List<Entity> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                out.add(reader.entity(p));
            }
            if (t != JsonToken.END_ARRAY || p.nextToken() != null) {
                return null;
            }
            return out;
        } catch (GiveUp | IOException | RuntimeException e) {
            return null; // the tree reader says what is wrong, or reads what this does not
        }
    }

    private Entity entity(JsonParser p) throws IOException, GiveUp {
        EntityUid uid = null;
        Map<String, Value> attrs = null;
        Set<EntityUid> parents = null;
        Map<String, Value> tags = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "uid" -> {
                    check(uid == null && value == JsonToken.START_OBJECT);
                    uid = ref(p);
                }
                case "attrs" -> {
                    check(attrs == null && value == JsonToken.START_OBJECT);
                    attrs = members(p, p.nextToken());
                }
                case "parents" -> {
                    check(parents == null && value == JsonToken.START_ARRAY);
                    parents = new LinkedHashSet<>();
                    JsonToken e;
                    while ((e = p.nextToken()) == JsonToken.START_OBJECT) {
                        parents.add(ref(p));
                    }
                    check(e == JsonToken.END_ARRAY);
                }
                case "tags" -> {
                    check(tags == null && value == JsonToken.START_OBJECT);
                    tags = members(p, p.nextToken());
                }
                default -> throw GIVE_UP;
            }
        }
        check(t == JsonToken.END_OBJECT && uid != null && attrs != null && parents != null);
        if (uid.type().isAction()) {
            for (EntityUid parent : parents) {
                check(parent.type().isAction());
            }
        }
        return new Entity(uid, attrs, parents, tags == null ? Map.of() : tags);
    }

    /** An entity reference, its {@code {} already read: exactly {@code type} and {@code id}, or {@code __entity}. */
    private EntityUid ref(JsonParser p) throws IOException, GiveUp {
        check(p.nextToken() == JsonToken.FIELD_NAME);
        if (p.currentName().equals("__entity")) {
            check(p.nextToken() == JsonToken.START_OBJECT);
            EntityUid uid = typeAndId(p, p.nextToken());
            check(p.nextToken() == JsonToken.END_OBJECT);
            return uid;
        }
        return typeAndId(p, JsonToken.FIELD_NAME);
    }

    /** {@code "type": ..., "id": ...} in either order and nothing else, up to the closing {@code }}. */
    private EntityUid typeAndId(JsonParser p, JsonToken first) throws IOException, GiveUp {
        String type = null;
        String id = null;
        JsonToken t = first;
        while (t == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            check(p.nextToken() == JsonToken.VALUE_STRING);
            if (name.equals("type") && type == null) {
                type = p.getText();
            } else if (name.equals("id") && id == null) {
                id = p.getText();
            } else {
                throw GIVE_UP;
            }
            t = p.nextToken();
        }
        check(t == JsonToken.END_OBJECT && type != null && id != null && JsonText.wellFormed(id));
        EntityType entityType = types.get(type);
        if (entityType == null) {
            check(Names.isName(type, false));
            entityType = new EntityType(type);
            types.put(type, entityType);
        }
        return new EntityUid(entityType, id);
    }

    /** The members of an object whose {@code {} is read, {@code t} the token after it. */
    private Map<String, Value> members(JsonParser p, JsonToken t) throws IOException, GiveUp {
        // sorted, as entities and records keep them, so that they copy it cheaply
        Map<String, Value> out = new TreeMap<>();
        while (t == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            check(JsonText.wellFormed(key));
            Value v = value(p, p.nextToken());
            check(out.put(key, v) == null);
            t = p.nextToken();
        }
        check(t == JsonToken.END_OBJECT);
        return out;
    }

    private Value value(JsonParser p, JsonToken t) throws IOException, GiveUp {
        switch (t) {
            case VALUE_STRING -> {
                String s = p.getText();
                check(JsonText.wellFormed(s));
                return StringValue.of(s);
            }
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType type = p.getNumberType();
                check(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
                long v = p.getLongValue();
                check(v != 0 || !p.getText().startsWith("-")); // `-0` is refused, with a message
                return LongValue.of(v);
            }
            case VALUE_TRUE -> {
                return BoolValue.TRUE;
            }
            case VALUE_FALSE -> {
                return BoolValue.FALSE;
            }
            case START_ARRAY -> {
                List<Value> elements = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(value(p, e));
                }
                return SetValue.of(elements);
            }
            case START_OBJECT -> {
                JsonToken first = p.nextToken();
                if (first == JsonToken.FIELD_NAME && p.currentName().startsWith("__")) {
                    // an escape, or a record with such a key: only `{"__entity": {"type", "id"}}` is read here
                    check(p.currentName().equals("__entity") && p.nextToken() == JsonToken.START_OBJECT);
                    EntityUid uid = typeAndId(p, p.nextToken());
                    check(p.nextToken() == JsonToken.END_OBJECT);
                    return uid;
                }
                return new RecordValue(members(p, first));
            }
            default -> throw GIVE_UP;
        }
    }

    private static void check(boolean ok) throws GiveUp {
        if (!ok) {
            throw GIVE_UP;
        }
    }
}
