package io.cedarwood.engine.schema;

import java.util.Map;
import java.util.Objects;

/** A common type declaration ({@code type Name = ...;}) as written. */
public record CommonTypeDecl(TypeExpr type, Map<String, String> annotations) {
    public CommonTypeDecl {
        Objects.requireNonNull(type, "type");
        annotations = Annotations.copyOf(annotations);
    }
}
