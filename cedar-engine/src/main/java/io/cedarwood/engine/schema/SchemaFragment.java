package io.cedarwood.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A schema as written, in either format, before names are resolved: namespaces by name ({@code ""} is
 * the empty namespace), in written order. Both formats read into this model and write from it, which is
 * what keeps a translation faithful (common types stay common types, names stay as written).
 *
 * <p>Values compare structurally; map order does not take part.
 */
public record SchemaFragment(Map<String, NamespaceDecl> namespaces) {
    public SchemaFragment {
        namespaces = Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
    }
}
