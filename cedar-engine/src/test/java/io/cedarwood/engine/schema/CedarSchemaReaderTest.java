package io.cedarwood.engine.schema;

import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.schema.TypeExpr.Attribute;
import io.cedarwood.engine.schema.TypeExpr.CommonRef;
import io.cedarwood.engine.schema.TypeExpr.EntityOrCommonRef;
import io.cedarwood.engine.schema.TypeExpr.RecordOf;
import io.cedarwood.engine.schema.TypeExpr.SetOf;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cedarwood.engine.schema.SchemaAssertions.humanErrors;
import static io.cedarwood.engine.schema.SchemaAssertions.humanMessages;
import static org.assertj.core.api.Assertions.assertThat;

class CedarSchemaReaderTest {

    private static SchemaFragment fragment(String text) {
        return Schema.parseCedarSchema(text).fragment();
    }

    private static <V> Map<String, V> map(Object... keysAndValues) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) keysAndValues[i + 1];
            m.put((String) keysAndValues[i], v);
        }
        return m;
    }

    @Test
    void parseWhenEveryConstructThenFragmentIsAsWritten() {
        SchemaFragment f = fragment("""
                @doc("the app")
                namespace App {
                  @doc("a task")
                  type Task = { "id": Long, name?: String, };
                  entity Group;
                  entity User in [Group] = {
                    @doc("the tasks")
                    tasks: Set<Task>,
                    "home page": { url: String },
                  } tags String;
                  entity Color enum ["red", "blue"];
                  action read, "write file" in [Action::"all", "group", App::Action::"g2"] appliesTo {
                    principal: User,
                    resource: [User, Group],
                    context: { ip: ipaddr }
                  };
                  action all, group, g2;
                  action list appliesTo { principal: [User], resource: [Group], context: Task };
                }
                """);
        RecordOf task = new RecordOf(map("id", new Attribute(new EntityOrCommonRef("Long"), true),
                "name", new Attribute(new EntityOrCommonRef("String"), false)));
        RecordOf userShape = new RecordOf(map(
                "tasks", new Attribute(new SetOf(new EntityOrCommonRef("Task")), true, Map.of("doc", "the tasks")),
                "home page", new Attribute(new RecordOf(map("url", new Attribute(new EntityOrCommonRef("String"), true))), true)));
        ActionDecl read = new ActionDecl(
                List.of(new ActionDecl.ActionRef("Action", "all"), new ActionDecl.ActionRef(null, "group"),
                        new ActionDecl.ActionRef("App::Action", "g2")),
                new ActionDecl.AppliesTo(List.of("User"), List.of("User", "Group"),
                        new RecordOf(map("ip", new Attribute(new EntityOrCommonRef("ipaddr"), true)))),
                Map.of());
        ActionDecl group = new ActionDecl(List.of(), ActionDecl.AppliesTo.NOTHING, Map.of());
        NamespaceDecl app = new NamespaceDecl(
                map("Task", new CommonTypeDecl(task, Map.of("doc", "a task"))),
                map("Group", new EntityDecl.Standard(List.of(), RecordOf.EMPTY),
                        "User", new EntityDecl.Standard(List.of("Group"), userShape, new EntityOrCommonRef("String"), Map.of()),
                        "Color", new EntityDecl.Enumerated(List.of("red", "blue"), Map.of())),
                map("read", read, "write file", read, "all", group, "group", group, "g2", group,
                        "list", new ActionDecl(List.of(), new ActionDecl.AppliesTo(List.of("User"), List.of("Group"),
                                new CommonRef("Task")), Map.of())),
                Map.of("doc", "the app"));
        assertThat(f).isEqualTo(new SchemaFragment(map("App", app)));
    }

    @Test
    void parseWhenEntityShapeWithoutEqualsThenSameAsWithEquals() {
        assertThat(fragment("entity A { x: Long };")).isEqualTo(fragment("entity A = { x: Long };"));
    }

    @Test
    void parseWhenDeclarationsAroundNamespacesThenTheyShareTheEmptyNamespace() {
        SchemaFragment f = fragment("entity A; namespace N { entity B; } entity C;");
        assertThat(f.namespaces().keySet()).containsExactly("", "N");
        assertThat(f.namespaces().get("").entityTypes().keySet()).containsExactly("A", "C");
    }

    @Test
    void parseWhenNamespaceIsEmptyThenItIsKept() {
        assertThat(fragment("namespace A::B {}").namespaces()).containsOnlyKeys("A::B");
    }

    @Test
    void parseWhenActionHasNoAppliesToThenItAppliesToNothing() {
        ActionDecl a = fragment("action a;").namespaces().get("").actions().get("a");
        assertThat(a.appliesTo()).isEqualTo(ActionDecl.AppliesTo.NOTHING);
    }

    @Test
    void parseWhenActionHasEmptyAttributesBlockThenItIsIgnored() {
        assertThat(fragment("action a attributes {};")).isEqualTo(fragment("action a;"));
    }

    @Test
    void parseWhenAnnotationHasNoValueThenValueIsEmpty() {
        EntityDecl e = fragment("@flag entity A;").namespaces().get("").entityTypes().get("A");
        assertThat(e.annotations()).isEqualTo(Map.of("flag", ""));
    }

    @Test
    void parseWhenKeywordsAreUsedAsNamesThenTheyAreIdentifiers() {
        SchemaFragment f = fragment("""
                entity namespace, type, appliesTo = { entity: Long, context: String, tags: Set<String> };
                entity Set;
                action principal, action appliesTo { principal: [namespace], resource: Set };
                """);
        assertThat(f.namespaces().get("").entityTypes().keySet())
                .containsExactly("namespace", "type", "appliesTo", "Set");
        assertThat(f.namespaces().get("").actions().keySet()).containsExactly("principal", "action");
    }

    @Test
    void parseWhenCommentsAndUnicodeWhitespaceThenIgnored() {
        assertThat(fragment("// a comment\nentity\u00a0A; // another\r\n\u2003entity B;"))
                .isEqualTo(fragment("entity A; entity B;"));
    }

    @Test
    void parseWhenStringsHaveEscapesThenTheyAreDecoded() {
        EntityDecl.Enumerated e = (EntityDecl.Enumerated) fragment(
                "entity E enum [\"a\\nb\", \"\\u{1F600}\", \"\\x41\\0\", \"\\\"\\'\\\\\"];")
                .namespaces().get("").entityTypes().get("E");
        assertThat(e.choices()).containsExactly("a\nb", "\uD83D\uDE00", "A\0", "\"'\\");
    }

    @Test
    void parseWhenTypeNameIsQualifiedThenItIsKeptAsWritten() {
        SchemaFragment f = fragment("namespace A { entity B; } entity C = { b: A :: B };");
        RecordOf shape = (RecordOf) ((EntityDecl.Standard) f.namespaces().get("").entityTypes().get("C")).shape();
        assertThat(shape.attributes().get("b").type()).isEqualTo(new EntityOrCommonRef("A::B"));
    }

    @Test
    void parseWhenAttributeIsRepeatedThenTheLastOneCountsAsInTheReference() {
        SchemaFragment f = fragment("entity A = { x: Long, x?: String };");
        RecordOf shape = (RecordOf) ((EntityDecl.Standard) f.namespaces().get("").entityTypes().get("A")).shape();
        assertThat(shape.attributes()).containsExactly(Map.entry("x", new Attribute(new EntityOrCommonRef("String"), false)));
    }

    @Test
    void parseWhenAnnotationKeyIsAnyIdentifierThenAccepted() {
        for (String key : List.of("principal", "true", "in", "if", "permit", "__cedar", "namespace", "enum")) {
            EntityDecl e = fragment("@" + key + " entity User {};").namespaces().get("").entityTypes().get("User");
            assertThat(e.annotations()).as(key).isEqualTo(Map.of(key, ""));
        }
    }

    @Test
    void parseWhenEntityIsNamedEnumThenItCanStillBeEnumerated() {
        assertThat(fragment("entity enum enum [\"enum\"];").namespaces().get("").entityTypes().get("enum"))
                .isEqualTo(new EntityDecl.Enumerated(List.of("enum"), Map.of()));
    }

    @Test
    void parseWhenNamespaceIsFollowedBySemicolonThenHelpSaysToRemoveIt() {
        List<ParseError> errors = humanErrors("namespace N { entity A; };");
        assertThat(errors).extracting(ParseError::message).containsExactly("unexpected token `;`");
        assertThat(errors.get(0).help()).contains("not followed by `;`");
    }

    // ---------------------------------------------------------------- syntax errors

    @Test
    void parseWhenTokenIsUnexpectedThenSaysWhatWasExpected() {
        List<ParseError> errors = humanErrors("entity User = { name: String ;");
        assertThat(errors.get(0).message()).isEqualTo("unexpected token `;`");
        assertThat(errors.get(0).help()).isEqualTo("expected one of `,`, `}`");
        assertThat(errors.get(0).span().start()).isEqualTo(29);
    }

    @Test
    void parseWhenInputEndsEarlyThenUnexpectedEndOfInput() {
        assertThat(humanMessages("entity User")).contains("unexpected end of input");
    }

    @Test
    void parseWhenCharacterIsInvalidThenSaysSo() {
        assertThat(humanMessages("entity User # ;")).contains("invalid character `#`");
    }

    @Test
    void parseWhenStringIsUnterminatedThenSaysSo() {
        assertThat(humanMessages("action \"view;")).contains("unterminated string literal");
    }

    @Test
    void parseWhenNumberIsUsedAsNameThenUnexpectedToken() {
        assertThat(humanMessages("entity 1;")).contains("unexpected token `1`");
    }

    @Test
    void parseWhenReservedWordIsUsedAsIdentifierThenError() {
        assertThat(humanMessages("entity in;")).containsExactly("`in` is a reserved identifier");
        assertThat(humanMessages("entity A = { if: Long };")).containsExactly("`if` is a reserved identifier");
        assertThat(humanMessages("entity A = { a: true };")).containsExactly("`true` is a reserved identifier");
        assertThat(humanMessages("action has;")).containsExactly("`has` is a reserved identifier");
        assertThat(humanMessages("namespace like::A {}")).containsExactly("`like` is a reserved identifier");
    }

    @Test
    void parseWhenReservedWordIsQuotedThenItIsAName() {
        assertThat(fragment("entity A = { \"if\": Long }; action \"in\";").namespaces().get("").actions())
                .containsOnlyKeys("in");
    }

    @Test
    void parseWhenEscapeIsInvalidThenErrorPointsAtIt() {
        List<ParseError> errors = humanErrors("entity E enum [\"ab\\q\"];");
        assertThat(errors.get(0).message()).isEqualTo("invalid escape `\\q`");
        assertThat(errors.get(0).span().start()).isEqualTo(18);
        assertThat(humanMessages("entity E enum [\"\\u{110000}\"];")).containsExactly("invalid unicode escape: out of range");
        assertThat(humanMessages("entity E enum [\"\\x80\"];")).containsExactly("invalid escape `\\x80`: must be at most `\\x7f`");
    }

    @Test
    void parseWhenDeclaredTwiceThenDuplicateErrors() {
        assertThat(humanMessages("entity A; entity B, A;")).containsExactly("duplicate entity type `A`");
        assertThat(humanMessages("action a; action \"a\";")).containsExactly("duplicate action `a`");
        assertThat(humanMessages("type T = Long; type T = String;")).containsExactly("duplicate common type `T`");
        assertThat(humanMessages("namespace N {} namespace N {}")).containsExactly("duplicate namespace `N`");
        assertThat(humanMessages("@a(\"1\") @a(\"2\") entity A;")).containsExactly("duplicate annotation `@a`");
        assertThat(humanMessages("entity A; namespace N { entity A; } entity A;")).containsExactly("duplicate entity type `A`");
    }

    @Test
    void parseWhenEntityAndCommonTypeShareANameThenAccepted() {
        assertThat(fragment("entity A; type A = Long; action A;").namespaces().get("").commonTypes()).containsOnlyKeys("A");
    }

    @Test
    void parseWhenAppliesToKeywordIsMissingThenSaysSo() {
        List<ParseError> errors = humanErrors("entity A; action a { principal: A, resource: A };");
        assertThat(errors).extracting(ParseError::message).containsExactly("missing `appliesTo` before `{`");
        assertThat(errors.get(0).help()).contains("require `appliesTo`");
    }

    @Test
    void parseWhenPrincipalOrResourceIsMissingOrEmptyThenError() {
        assertThat(humanMessages("entity A; action a appliesTo { resource: A };"))
                .containsExactly("missing `principal` declaration for `a`");
        assertThat(humanMessages("entity A; action a appliesTo { principal: A, context: {} };"))
                .containsExactly("missing `resource` declaration for `a`");
        assertThat(humanMessages("entity A; action a appliesTo { principal: [], resource: A };"))
                .containsExactly("for action `a`, `principal` is `[]`, which is invalid");
        assertThat(humanMessages("entity A; action a appliesTo {};"))
                .containsExactly("missing `principal` declaration for `a`", "missing `resource` declaration for `a`");
    }

    @Test
    void parseWhenAppliesToRepeatsADeclarationThenError() {
        assertThat(humanMessages("entity A; action a appliesTo { principal: A, principal: A, resource: A };"))
                .containsExactly("duplicate `principal` declaration in action `a`");
        assertThat(humanMessages("entity A; action a, b appliesTo { principal: A, resource: A, context: {}, context: {} };"))
                .containsExactly("duplicate context declaration in action `a`");
    }

    @Test
    void parseWhenActionGroupListIsEmptyThenError() {
        assertThat(humanMessages("action a in [];")).containsExactly("the list of action groups is empty");
    }

    @Test
    void parseWhenSeveralErrorsThenAllAreReported() {
        assertThat(humanMessages("entity in; entity if; entity A; entity A;"))
                .containsExactly("`in` is a reserved identifier", "`if` is a reserved identifier",
                        "duplicate entity type `A`");
    }
}
