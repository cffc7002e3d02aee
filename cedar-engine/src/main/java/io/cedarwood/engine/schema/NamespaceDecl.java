package io.cedarwood.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The declarations of one namespace as written: common types, entity types and actions by their
 * unqualified names (action ids), each map in written order.
 */
public record NamespaceDecl(Map<String, CommonTypeDecl> commonTypes, Map<String, EntityDecl> entityTypes,
                            Map<String, ActionDecl> actions, Map<String, String> annotations) {
    public NamespaceDecl {
        commonTypes = Collections.unmodifiableMap(new LinkedHashMap<>(commonTypes));
        entityTypes = Collections.unmodifiableMap(new LinkedHashMap<>(entityTypes));
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        annotations = Annotations.copyOf(annotations);
    }
}
