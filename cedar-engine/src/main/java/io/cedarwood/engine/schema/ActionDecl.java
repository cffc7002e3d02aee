package io.cedarwood.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An action declaration as written: the action groups it is a member of and what it applies to.
 * An action that applies to nothing has empty principal and resource lists.
 */
public record ActionDecl(List<ActionRef> memberOf, AppliesTo appliesTo, Map<String, String> annotations) {
    public ActionDecl {
        memberOf = List.copyOf(memberOf);
        Objects.requireNonNull(appliesTo, "appliesTo");
        annotations = Annotations.copyOf(annotations);
    }

    /**
     * A reference to an action: its id and, when written, its type ({@code null} stands for the type
     * {@code Action} of the namespace the reference is written in, falling back to the empty namespace).
     */
    public record ActionRef(String type, String id) {
        public ActionRef {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The principal and resource entity types (as written) and the context type of an action. */
    public record AppliesTo(List<String> principalTypes, List<String> resourceTypes, TypeExpr context) {
        public static final AppliesTo NOTHING = new AppliesTo(List.of(), List.of(), TypeExpr.RecordOf.EMPTY);

        public AppliesTo {
            principalTypes = List.copyOf(principalTypes);
            resourceTypes = List.copyOf(resourceTypes);
            Objects.requireNonNull(context, "context");
        }
    }
}
