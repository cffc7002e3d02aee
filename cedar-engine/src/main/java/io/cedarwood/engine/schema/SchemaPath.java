package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.Names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where something is in a schema, as a path through the JSON schema format:
 * {@code $.PhotoApp.entityTypes.User.memberOfTypes[0]}. Both formats use the same paths (the human format
 * maps them to source spans), so errors found after parsing can be located in either.
 */
final class SchemaPath {
    static final SchemaPath ROOT = new SchemaPath(null, null, 0);
    private static final int ELIDE_KEEP = 8;

    private final SchemaPath parent;
    private final Object key;
    private final int depth;
    private final int hash;

    private SchemaPath(SchemaPath parent, Object key, int depth) {
        this.parent = parent;
        this.key = key;
        this.depth = depth;
        this.hash = parent == null ? 0 : parent.hash * 31 + key.hashCode();
    }

    /** The path of a member of the object at this path. */
    SchemaPath key(String name) {
        return new SchemaPath(this, Objects.requireNonNull(name, "name"), depth + 1);
    }

    /** The path of an element of the array at this path. */
    SchemaPath index(int index) {
        return new SchemaPath(this, index, depth + 1);
    }

    /** The enclosing path; {@code null} for the root. */
    SchemaPath parent() {
        return parent;
    }

    int depth() {
        return depth;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SchemaPath other) || other.depth != depth || other.hash != hash) {
            return false;
        }
        SchemaPath a = this;
        SchemaPath b = other;
        while (a != null) {
            if (a == b) {
                return true;
            }
            if (!Objects.equals(a.key, b.key)) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /**
     * The path in JSONPath-like notation: {@code $.NS.entityTypes.User}, {@code $[""].actions["view photo"]}.
     * A very deep path keeps its first and last steps around {@code ...}.
     */
    @Override
    public String toString() {
        List<Object> keys = new ArrayList<>(depth);
        for (SchemaPath p = this; p.parent != null; p = p.parent) {
            keys.add(p.key);
        }
        Collections.reverse(keys);
        StringBuilder out = new StringBuilder("$");
        boolean elide = keys.size() > 2 * ELIDE_KEEP + 1;
        for (int n = 0; n < keys.size(); n++) {
            if (elide && n >= ELIDE_KEEP && n < keys.size() - ELIDE_KEEP) {
                if (n == ELIDE_KEEP) {
                    out.append("...");
                }
                continue;
            }
            Object k = keys.get(n);
            if (k instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else if (Names.isIdentifierShaped((String) k)) {
                out.append('.').append(k);
            } else {
                out.append('[').append(CedarStrings.quote((String) k)).append(']');
            }
        }
        return out.toString();
    }
}
