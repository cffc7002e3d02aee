package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SchemaValidateRequestTest {
    private static final Schema SCHEMA = Schema.parseCedarSchema("""
            entity Region enum ["eu", "us"];
            entity User;
            entity Doc;
            entity Folder;
            action read appliesTo { principal: [User, Region], resource: [Doc, Region],
              context: { amount: decimal, by?: User, region?: Region } };
            action group;
            """);
    private static final EntityUid ALICE = EntityUid.of("User", "alice");
    private static final EntityUid DOC = EntityUid.of("Doc", "d");
    private static final EntityUid READ = EntityUid.of("Action", "read");
    private static final RecordValue CONTEXT = RecordValue.of(Map.of("amount", DecimalValue.parse("1.5")));

    private static String problem(EntityUid principal, EntityUid action, EntityUid resource, Map<String, Value> context) {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                () -> SCHEMA.validateRequest(new Request(principal, action, resource, RecordValue.of(context))));
        assertThat(e).as("a validation error").isNotNull();
        return e.getMessage();
    }

    @Test
    void validRequestPasses() {
        assertThatCode(() -> SCHEMA.validateRequest(new Request(ALICE, READ, DOC, CONTEXT))).doesNotThrowAnyException();
        assertThatCode(() -> SCHEMA.validateRequest(new Request(EntityUid.of("Region", "eu"), READ,
                EntityUid.of("Region", "us"), RecordValue.of(Map.of("amount", DecimalValue.parse("1.0"),
                        "by", ALICE, "region", EntityUid.of("Region", "eu"))))))
                .doesNotThrowAnyException();
    }

    @Test
    void undeclaredPrincipalType() {
        assertThat(problem(EntityUid.of("Robot", "r"), READ, DOC, CONTEXT.attributes()))
                .isEqualTo("principal type `Robot` is not declared in the schema");
    }

    @Test
    void undeclaredResourceType() {
        assertThat(problem(ALICE, READ, EntityUid.of("Photo", "p"), CONTEXT.attributes()))
                .isEqualTo("resource type `Photo` is not declared in the schema");
    }

    @Test
    void undeclaredAction() {
        assertThat(problem(ALICE, EntityUid.of("Action", "write"), DOC, CONTEXT.attributes()))
                .isEqualTo("request's action `Action::\"write\"` is not declared in the schema");
    }

    @Test
    void principalTypeTheActionDoesNotApplyTo() {
        assertThat(problem(EntityUid.of("Folder", "f"), READ, DOC, CONTEXT.attributes()))
                .isEqualTo("principal type `Folder` is not valid for `Action::\"read\"`");
    }

    @Test
    void resourceTypeTheActionDoesNotApplyTo() {
        assertThat(problem(ALICE, READ, EntityUid.of("Folder", "f"), CONTEXT.attributes()))
                .isEqualTo("resource type `Folder` is not valid for `Action::\"read\"`");
    }

    @Test
    void actionThatAppliesToNothing() {
        assertThat(problem(ALICE, EntityUid.of("Action", "group"), DOC, Map.of()))
                .isEqualTo("principal type `User` is not valid for `Action::\"group\"`");
    }

    @Test
    void enumeratedEntityWithAnUndeclaredId() {
        assertThat(problem(EntityUid.of("Region", "asia"), READ, DOC, CONTEXT.attributes()))
                .isEqualTo("entity `Region::\"asia\"` is of an enumerated entity type, but `asia` is not one of its ids");
        assertThat(problem(ALICE, READ, DOC, Map.of("amount", DecimalValue.parse("1.0"), "region", EntityUid.of("Region", "asia"))))
                .isEqualTo("entity `Region::\"asia\"` is of an enumerated entity type, but `asia` is not one of its ids");
    }

    @Test
    void contextOfAnotherType() {
        assertThat(problem(ALICE, READ, DOC, Map.of("amount", LongValue.of(1))))
                .startsWith("context {\"amount\": 1} is not valid for `Action::\"read\"`");
        assertThat(problem(ALICE, READ, DOC, Map.of()))
                .startsWith("context {} is not valid for `Action::\"read\"`")
                .contains("missing the required attribute `amount`");
        assertThat(problem(ALICE, READ, DOC, Map.of("amount", DecimalValue.parse("1.0"), "extra", LongValue.of(1))))
                .contains("is not valid for `Action::\"read\"`").contains("`extra`");
    }

    @Test
    void validationErrorIsACedarException() {
        assertThat(catchThrowableOfType(CedarException.class, () -> SCHEMA.validateRequest(new Request(ALICE, READ, DOC))))
                .isInstanceOf(RequestValidationException.class);
    }
}
