package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.validation.ValidationError.Kind;
import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The validation errors of one policy, worded as the reference words them (in our message style). */
final class Problems {
    private final PolicyId policyId;

    Problems(PolicyId policyId) {
        this.policyId = policyId;
    }

    PolicyId policyId() {
        return policyId;
    }

    private ValidationError error(Kind kind, SourceSpan span, String message, String help) {
        return new ValidationError(policyId, kind, message, span, help);
    }

    ValidationError unrecognizedEntityType(SourceSpan span, EntityType type, String suggestion) {
        return error(Kind.UNRECOGNIZED_ENTITY_TYPE, span, "unrecognized entity type `" + type + "`",
                suggestion == null ? null : "did you mean `" + suggestion + "`?");
    }

    ValidationError unrecognizedAction(SourceSpan span, EntityUid action, String help) {
        return error(Kind.UNRECOGNIZED_ACTION_ID, span, "unrecognized action `" + action + "`", help);
    }

    ValidationError invalidActionApplication(SourceSpan span, boolean inFixesPrincipal, boolean inFixesResource) {
        String help;
        if (inFixesPrincipal && inFixesResource) {
            help = "try replacing `==` with `in` in the principal clause and the resource clause";
        } else if (inFixesPrincipal) {
            help = "try replacing `==` with `in` in the principal clause";
        } else if (inFixesResource) {
            help = "try replacing `==` with `in` in the resource clause";
        } else {
            help = null;
        }
        return error(Kind.INVALID_ACTION_APPLICATION, span,
                "unable to find an applicable action given the policy scope constraints", help);
    }

    ValidationError invalidEnumEntity(SourceSpan span, EntityUid uid, List<String> choices) {
        return error(Kind.INVALID_ENUM_ENTITY, span, "entity `" + uid + "` is of an enumerated entity type, but `"
                        + CedarStrings.quote(uid.id()) + "` is not declared as a valid eid",
                "valid entity eids: " + choices.stream().map(CedarStrings::quote).collect(Collectors.joining(", ")));
    }

    ValidationError unexpectedType(SourceSpan span, List<Type> expected, Type actual, String help) {
        String wanted = expected.stream().map(Type::toString).collect(Collectors.joining(", or "));
        return error(Kind.UNEXPECTED_TYPE, span, "unexpected type: expected " + wanted + " but saw " + actual, help);
    }

    /** Where types had to be compatible. */
    enum LubContext {
        SET("elements of a set"),
        CONDITIONAL("both branches of a conditional"),
        EQUALITY("both operands to a `==` expression"),
        CONTAINS("elements of the first operand and the second operand to a `contains` expression"),
        CONTAINS_ANY_ALL("elements of both set operands to a `containsAll` or `containsAny` expression"),
        GET_TAG("tag types for a `.getTag()` operation");

        final String text;

        LubContext(String text) {
            this.text = text;
        }
    }

    ValidationError incompatibleTypes(SourceSpan span, Collection<Type> types, Type.LubHint hint, LubContext context) {
        TreeSet<Type> sorted = new TreeSet<>(TYPE_ORDER);
        sorted.addAll(types);
        List<String> names = sorted.stream().map(Type::toString).toList();
        String joined;
        if (names.size() <= 2) {
            joined = String.join(" and ", names);
        } else {
            joined = String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
        }
        return error(Kind.INCOMPATIBLE_TYPES, span, "the types " + joined + " are not compatible",
                context.text + " must have compatible types; " + hint.text);
    }

    /** The order the reference lists types in: by kind, then by name. */
    private static final Comparator<Type> TYPE_ORDER = Comparator.<Type>comparingInt(Problems::rank)
            .thenComparing(Type::toString);

    private static int rank(Type t) {
        if (t instanceof Type.NeverType) {
            return 0;
        } else if (t instanceof Type.BoolType) {
            return 1;
        } else if (t instanceof Type.LongType) {
            return 2;
        } else if (t instanceof Type.StringType) {
            return 3;
        } else if (Type.isEntity(t)) {
            return 4;
        } else if (t instanceof Type.SetType) {
            return 5;
        } else if (t instanceof Type.RecordType) {
            return 6;
        }
        return 7;
    }

    ValidationError unsafeAttributeAccess(SourceSpan span, AttributeAccess access, String suggestion, boolean mayExist) {
        String help;
        if (suggestion != null && !mayExist) {
            help = "did you mean `" + suggestion + "`?";
        } else if (suggestion == null && mayExist) {
            help = "there may be additional attributes that the validator is not able to reason about";
        } else if (suggestion != null) {
            help = "did you mean `" + suggestion + "`? (there may also be additional attributes that the validator "
                    + "is not able to reason about)";
        } else {
            help = null;
        }
        return error(Kind.UNSAFE_ATTRIBUTE_ACCESS, span, "attribute " + access + " not found", help);
    }

    ValidationError unsafeOptionalAttributeAccess(SourceSpan span, AttributeAccess access) {
        return error(Kind.UNSAFE_OPTIONAL_ATTRIBUTE_ACCESS, span,
                "unable to guarantee safety of access to optional attribute " + access,
                "try testing for the attribute's presence with `" + access.suggestedHasGuard() + " && ..`");
    }

    ValidationError unsafeTagAccess(SourceSpan span, Type entity, Expr tag) {
        String on = entity instanceof Type.EntityLubType lub && lub.single().isPresent()
                ? " on entity type `" + lub.single().get() + "`" : "";
        String text = ExprPrinter.print(tag);
        return error(Kind.UNSAFE_TAG_ACCESS, span, "unable to guarantee safety of access to tag `" + text + "`" + on,
                "try testing for the tag's presence with `.hasTag(" + text + ") && ..`");
    }

    ValidationError noTagsAllowed(SourceSpan span, EntityType type) {
        return error(Kind.NO_TAGS_ALLOWED, span, "`.getTag()` is not allowed on entities of "
                + (type == null ? "this type" : "type `" + type + "`")
                + " because no `tags` were declared on the entity type in the schema", null);
    }

    ValidationError undefinedFunction(SourceSpan span, String name) {
        return error(Kind.UNDEFINED_FUNCTION, span, "undefined extension function: `" + name + "`", null);
    }

    ValidationError wrongNumberArguments(SourceSpan span, int expected, int actual) {
        return error(Kind.WRONG_NUMBER_ARGUMENTS, span, "wrong number of arguments in extension function application: "
                + "expected " + expected + ", got " + actual, null);
    }

    ValidationError functionArgumentValidation(SourceSpan span, String message, String help) {
        return error(Kind.FUNCTION_ARGUMENT_VALIDATION, span,
                "error during extension function argument validation: " + message, help);
    }

    ValidationError emptySetForbidden(SourceSpan span) {
        return error(Kind.EMPTY_SET_FORBIDDEN, span, "empty set literals are forbidden in policies", null);
    }

    ValidationError nonLiteralExtensionConstructor(SourceSpan span) {
        return error(Kind.NON_LITERAL_EXTENSION_CONSTRUCTOR, span,
                "extension constructors may not be called with non-literal expressions",
                "consider applying extension constructors inside attribute values when constructing entity or "
                        + "context data");
    }

    ValidationError internalInvariantViolation(SourceSpan span) {
        return error(Kind.INTERNAL_INVARIANT_VIOLATION, span, "internal invariant violated",
                "please file an issue including the schema and policy for which you observed the issue");
    }

    ValidationError maximumLevelExceeded(SourceSpan span, int allowed, int actual) {
        return error(Kind.ENTITY_DEREF_LEVEL_VIOLATION, span, "this policy requires level " + actual
                + ", which exceeds the maximum allowed level (" + allowed + ")", null);
    }

    ValidationError literalDereferenceTarget(SourceSpan span) {
        return error(Kind.ENTITY_DEREF_LEVEL_VIOLATION, span,
                "entity literals cannot be dereferenced at any level", null);
    }
}
