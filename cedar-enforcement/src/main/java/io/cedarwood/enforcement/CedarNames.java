package io.cedarwood.enforcement;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.Objects;

/** Entity uids and type names from the text of configuration and annotations, on the engine's parser. */
public final class CedarNames {
    private CedarNames() {
    }

    /**
     * An action: a full uid as in a policy ({@code Action::"view"}, {@code Ns::Action::"view"}), or just an
     * id ({@code view}), which means {@code <actionType>::"view"}.
     *
     * @throws io.cedarwood.engine.parser.ParseException when {@code text} looks like a uid but is not one
     */
    public static EntityUid action(String actionType, String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.endsWith("\"") && t.contains("::")) {
            return PolicyParser.parseEntityUid(t);
        }
        return new EntityUid(type(actionType), t);
    }

    /**
     * An entity type name: {@code User}, {@code Ns::User}.
     *
     * @throws io.cedarwood.engine.parser.ParseException when {@code name} is not one
     */
    public static EntityType type(String name) {
        return PolicyParser.parseEntityType(Objects.requireNonNull(name, "name").strip());
    }
}
