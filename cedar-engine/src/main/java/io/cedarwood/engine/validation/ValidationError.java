package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SourceSpan;

import java.util.Objects;

/**
 * A reason a policy does not validate: which policy, what kind of problem, a message, where (a span of
 * the policy's source text, {@code null} when the policy was not parsed from text or the problem concerns
 * a template link) and optionally how to fix it.
 */
public record ValidationError(PolicyId policyId, Kind kind, String message, SourceSpan span, String help) {
    public ValidationError {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of validation error, as the reference names them. */
    public enum Kind {
        /** an entity type the schema does not declare */
        UNRECOGNIZED_ENTITY_TYPE,
        /** an action the schema does not declare */
        UNRECOGNIZED_ACTION_ID,
        /** no action of the scope applies to the principal and resource types of the scope */
        INVALID_ACTION_APPLICATION,
        /** an entity of an enumerated entity type whose id is not one of the declared ones */
        INVALID_ENUM_ENTITY,
        /** an operand of the wrong type */
        UNEXPECTED_TYPE,
        /** types that must be compatible are not (the sides of {@code ==}, the elements of a set, ...) */
        INCOMPATIBLE_TYPES,
        /** an attribute that does not exist, or may not exist, on the entity or record */
        UNSAFE_ATTRIBUTE_ACCESS,
        /** an optional attribute read without a {@code has} guard */
        UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS,
        /** a tag read without a {@code hasTag} guard */
        UNSAFE_TAG_ACCESS,
        /** {@code getTag} on entities whose type declares no tags */
        NO_TAGS_ALLOWED,
        /** a call of a function Cedar does not have */
        UNDEFINED_FUNCTION,
        /** an extension function called with the wrong number of arguments */
        WRONG_NUMBER_ARGUMENTS,
        /** an extension constructor called with a string it rejects, e.g. {@code decimal("abc")} */
        FUNCTION_ARGUMENT_VALIDATION,
        /** an empty set literal (strict mode) */
        EMPTY_SET_FORBIDDEN,
        /** an extension constructor called with something other than a literal (strict mode) */
        NON_LITERAL_EXTENSION_CONSTRUCTOR,
        /** an entity dereference beyond the allowed level, or of an entity literal (level validation) */
        ENTITY_DEREF_LEVEL_VIOLATION,
        /** the validator found itself in a state it should never be in */
        INTERNAL_INVARIANT_VIOLATION
    }

    @Override
    public String toString() {
        return "for policy `" + policyId + "`, " + message;
    }
}
