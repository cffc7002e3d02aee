package io.cedarwood.spring.security;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.Objects;

/** Entity uids from the text of configuration, annotations and expressions. */
public final class CedarUids {
    private CedarUids() {
    }

    /**
     * An action: a full uid as in a policy ({@code Action::"view"}, {@code Ns::Action::"view"}), or just an
     * id ({@code view}), which means {@code <actionType>::"view"}.
     *
     * @throws io.cedarwood.engine.parser.ParseException when {@code text} looks like a uid but is not one
     */
    public static EntityUid action(String actionType, String text) {
        Objects.requireNonNull(text, "text");
        if (isUid(text)) {
            return PolicyParser.parseEntityUid(text);
        }
        return new EntityUid(type(actionType), text);
    }

    /**
     * An entity uid written as in a policy: {@code User::"alice"}.
     *
     * @throws io.cedarwood.engine.parser.ParseException when {@code text} is not one
     */
    public static EntityUid uid(String text) {
        return PolicyParser.parseEntityUid(text);
    }

    /**
     * An entity type name: {@code User}, {@code Ns::User}.
     *
     * @throws io.cedarwood.engine.parser.ParseException when {@code name} is not one
     */
    public static EntityType type(String name) {
        return PolicyParser.parseEntityType(name);
    }

    private static boolean isUid(String text) {
        return text.endsWith("\"") && text.contains("::\"");
    }
}
