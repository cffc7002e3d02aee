package io.cedarwood.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Annotations are kept in written order; an annotation written without a value has the value {@code ""}. */
final class Annotations {
    private Annotations() {
    }

    static Map<String, String> copyOf(Map<String, String> annotations) {
        return annotations.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }
}
