package io.cedarwood.engine.value;

import java.util.Objects;

/**
 * An entity type name, fully qualified: {@code User}, {@code PhotoApp::User}. The name is kept as written
 * in its canonical form (path segments joined by {@code ::}, no spaces); use {@code PolicyParser.parseEntityType} to check one
 * that comes from outside.
 */
public record EntityType(String name) {
    public EntityType {
        Objects.requireNonNull(name, "name");
    }

    public static EntityType of(String name) {
        return new EntityType(name);
    }

    /** The namespace part ({@code PhotoApp} for {@code PhotoApp::User}), empty for an unqualified name. */
    public String namespace() {
        int i = name.lastIndexOf("::");
        return i < 0 ? "" : name.substring(0, i);
    }

    /** The last path segment ({@code User} for {@code PhotoApp::User}). */
    public String basename() {
        int i = name.lastIndexOf("::");
        return i < 0 ? name : name.substring(i + 2);
    }

    /** Whether this is an action type: {@code Action} or {@code Ns::Action}. */
    public boolean isAction() {
        return basename().equals("Action");
    }

    @Override
    public String toString() {
        return name;
    }
}
