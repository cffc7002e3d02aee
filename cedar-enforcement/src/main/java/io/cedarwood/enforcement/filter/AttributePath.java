package io.cedarwood.enforcement.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A value reached from the resource: no attribute is the resource itself, {@code [owner, location]} is
 * {@code resource.owner.location} (through the entity {@code resource.owner} names, or a record).
 */
public record AttributePath(List<String> attributes) {
    /** The resource itself. */
    public static final AttributePath RESOURCE = new AttributePath(List.of());

    public AttributePath {
        attributes = List.copyOf(attributes);
    }

    public static AttributePath of(String... attributes) {
        return new AttributePath(List.of(attributes));
    }

    /** This path, one attribute further. */
    public AttributePath then(String attribute) {
        List<String> out = new ArrayList<>(attributes);
        out.add(attribute);
        return new AttributePath(out);
    }

    public boolean isResource() {
        return attributes.isEmpty();
    }

    @Override
    public String toString() {
        return attributes.isEmpty() ? "resource" : "resource." + String.join(".", attributes);
    }
}
