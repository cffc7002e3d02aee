package io.cedarwood.enforcement;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity uid whose id is a template over named values (path variables, method parameters):
 * {@code List::"{listId}"}, {@code Doc::"{owner}/{name}"}. Written as a uid in a policy and parsed by the
 * engine ({@link io.cedarwood.engine.parser.PolicyParser#parseEntityUid}), so escapes work and the type is checked; in the id, {@code {name}} is a
 * variable and anything else is literal. Immutable.
 */
public final class UidTemplate {
    private final EntityType type;
    /** Literal text and variable names, alternating, starting with literal text. */
    private final List<String> parts;

    private UidTemplate(EntityType type, String idTemplate) {
        this.type = type;
        this.parts = split(idTemplate);
    }

    /**
     * A template written as a uid: {@code List::"{listId}"}.
     *
     * @throws io.cedarwood.engine.parser.ParseException when it is not a uid
     * @throws IllegalArgumentException when its braces do not pair
     */
    public static UidTemplate parse(String text) {
        EntityUid uid = PolicyParser.parseEntityUid(Objects.requireNonNull(text, "text").strip());
        return new UidTemplate(uid.type(), uid.id());
    }

    /**
     * A template of this type and id template: {@code List}, {@code "{listId}"}.
     *
     * @throws io.cedarwood.engine.parser.ParseException when the type is not a type name
     */
    public static UidTemplate of(String type, String idTemplate) {
        return new UidTemplate(CedarNames.type(type), Objects.requireNonNull(idTemplate, "idTemplate"));
    }

    private static List<String> split(String template) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                if (template.indexOf('}', i) >= 0) {
                    throw new IllegalArgumentException("unmatched `}` in the id template `" + template + "`");
                }
                parts.add(template.substring(i));
                return parts;
            }
            int close = template.indexOf('}', open);
            if (close < 0 || template.substring(i, open).indexOf('}') >= 0) {
                throw new IllegalArgumentException("unmatched brace in the id template `" + template + "`");
            }
            String name = template.substring(open + 1, close);
            if (name.isEmpty() || name.indexOf('{') >= 0) {
                throw new IllegalArgumentException("bad variable `{" + name + "}` in the id template `" + template + "`");
            }
            parts.add(template.substring(i, open));
            parts.add(name);
            i = close + 1;
        }
    }

    public EntityType type() {
        return type;
    }

    /** The variables the id needs, in order. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /**
     * The uid for these values.
     *
     * @throws IllegalArgumentException when a variable the id needs has no value
     */
    public EntityUid resolve(Map<String, String> values) {
        StringBuilder id = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i += 2) {
            String value = values.get(parts.get(i));
            if (value == null) {
                throw new IllegalArgumentException("no value for `{" + parts.get(i) + "}` in `" + this + "`");
            }
            id.append(value).append(parts.get(i + 1));
        }
        return new EntityUid(type, id.toString());
    }

    /** The template as written, in canonical form: {@code List::"{listId}"}. */
    @Override
    public String toString() {
        StringBuilder id = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i += 2) {
            id.append('{').append(parts.get(i)).append('}').append(parts.get(i + 1));
        }
        return new EntityUid(type, id.toString()).toCedar();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UidTemplate t && t.type.equals(type) && t.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, parts);
    }
}
