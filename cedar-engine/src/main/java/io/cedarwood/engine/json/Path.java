package io.cedarwood.engine.json;

import io.cedarwood.engine.value.Names;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JSON path from the document root, for messages: {@code $}, {@code $[2]}, {@code $[2].attrs.age},
 * {@code $.body["=="].left}. Immutable; each step shares its parent.
 */
final class Path {
    static final Path ROOT = new Path(null, null, -1);

    private final Path parent;
    private final String key;
    private final int index;

    private Path(Path parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    Path key(String key) {
        return new Path(this, key, -1);
    }

    Path index(int index) {
        return new Path(this, null, index);
    }

    @Override
    public String toString() {
        Deque<Path> steps = new ArrayDeque<>();
        for (Path p = this; p.parent != null; p = p.parent) {
            steps.push(p);
        }
        StringBuilder out = new StringBuilder("$");
        for (Path p : steps) {
            if (p.key == null) {
                out.append('[').append(p.index).append(']');
            } else if (Names.isIdentifierShaped(p.key)) {
                out.append('.').append(p.key);
            } else {
                out.append('[').append(JsonText.quote(p.key)).append(']');
            }
        }
        return out.toString();
    }
}
