package io.cedarwood.enforcement;

import java.util.Objects;

/**
 * The text of one policy or schema file and the name errors call it by (a path or a URL).
 *
 * @param name where the text came from, as errors should name it
 * @param text the file's content
 */
public record PolicySource(String name, String text) {
    public PolicySource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
