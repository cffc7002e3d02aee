package io.cedarwood.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An entity type declaration as written (names unresolved). */
public sealed interface EntityDecl {

    Map<String, String> annotations();

    /**
     * An ordinary entity type: the entity types its entities may be members of (as written), the type of
     * its attributes (a record, or in JSON possibly a common-type name that resolves to one) and the type
     * of its tags ({@code null}: entities of this type have no tags).
     */
    record Standard(List<String> memberOfTypes, TypeExpr shape, TypeExpr tags, Map<String, String> annotations)
            implements EntityDecl {
        public Standard {
            memberOfTypes = List.copyOf(memberOfTypes);
            Objects.requireNonNull(shape, "shape");
            annotations = Annotations.copyOf(annotations);
        }

        public Standard(List<String> memberOfTypes, TypeExpr shape) {
            this(memberOfTypes, shape, null, Map.of());
        }
    }

    /** An enumerated entity type ({@code entity Color enum ["red", "blue"];}): only these entity ids exist. */
    record Enumerated(List<String> choices, Map<String, String> annotations) implements EntityDecl {
        public Enumerated {
            choices = List.copyOf(choices);
            annotations = Annotations.copyOf(annotations);
        }
    }
}
