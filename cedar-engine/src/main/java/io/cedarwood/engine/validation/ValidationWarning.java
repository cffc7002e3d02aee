package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SourceSpan;

import java.util.Objects;

/**
 * Something suspicious about a policy that does not make it fail validation: it can never apply, or its
 * text could mislead a reader (bidirectional control characters, mixed scripts, confusable characters).
 */
public record ValidationWarning(PolicyId policyId, Kind kind, String message, SourceSpan span) {
    public ValidationWarning {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of validation warning, as the reference names them. */
    public enum Kind {
        /** the policy evaluates to false for every request the schema allows */
        IMPOSSIBLE_POLICY,
        /** a string literal or pattern mixes scripts */
        MIXED_SCRIPT_STRING,
        /** a string literal or pattern contains bidirectional control characters */
        BIDI_CHARS_IN_STRING,
        /** an identifier (attribute name, entity id, ...) mixes scripts */
        MIXED_SCRIPT_IDENTIFIER,
        /** an identifier contains bidirectional control characters */
        BIDI_CHARS_IN_IDENTIFIER,
        /** an identifier contains a character outside the general security profile for identifiers */
        CONFUSABLE_IDENTIFIER
    }

    @Override
    public String toString() {
        return "for policy `" + policyId + "`, " + message;
    }
}
