package io.cedarwood.engine.schema;

import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.schema.SchemaType.AttributeType;
import io.cedarwood.engine.schema.SchemaType.EntityRefType;
import io.cedarwood.engine.schema.SchemaType.ExtensionType;
import io.cedarwood.engine.schema.SchemaType.RecordType;
import io.cedarwood.engine.schema.SchemaType.SetType;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.cedarwood.engine.schema.SchemaAssertions.humanErrors;
import static io.cedarwood.engine.schema.SchemaAssertions.humanMessages;
import static io.cedarwood.engine.schema.SchemaAssertions.json;
import static io.cedarwood.engine.schema.SchemaAssertions.jsonMessages;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaResolverTest {

    private static Schema schema(String text) {
        return Schema.parseCedarSchema(text);
    }

    /** The resolved type of attribute {@code attr} of entity type {@code entity}. */
    private static SchemaType attr(Schema s, String entity, String attr) {
        return s.entityType(EntityType.of(entity)).orElseThrow().shape().attribute(attr).type();
    }

    private static EntityRefType entity(String name) {
        return new EntityRefType(EntityType.of(name));
    }

    // ---------------------------------------------------------------- name resolution

    @Test
    void resolveWhenNameIsDeclaredInTheNamespaceThenItWinsElseTheEmptyNamespaceIsSearched() {
        Schema s = schema("namespace M { entity E; } namespace N { entity E; entity A = { e: E, m: M::E, g: G }; } entity G;");
        assertThat(attr(s, "N::A", "e")).isEqualTo(entity("N::E"));
        assertThat(attr(s, "N::A", "m")).isEqualTo(entity("M::E"));
        assertThat(attr(s, "N::A", "g")).isEqualTo(entity("G"));
    }

    @Test
    void resolveWhenNameIsQualifiedThenOnlyThatNameCounts() {
        assertThat(humanMessages("entity G; namespace N { entity A = { g: N::G }; }"))
                .containsExactly("failed to resolve type `N::G`");
    }

    @Test
    void resolveWhenCommonAndEntityTypeShareANameThenTheCommonTypeWins() {
        Schema s = schema("namespace N { entity T; type T = Long; entity A = { t: T, e: N::T }; }");
        assertThat(attr(s, "N::A", "t")).isEqualTo(SchemaType.LONG);
        assertThat(attr(s, "N::A", "e")).isEqualTo(SchemaType.LONG);
    }

    @Test
    void resolveWhenEntityIsInTheNamespaceAndBuiltinAliasInTheEmptyOneThenTheNearerEntityWins() {
        // cedar#579: the namespace is searched before the empty namespace, whatever the kind found there
        Schema s = schema("namespace N { entity decimal; entity A = { x: decimal, y: __cedar::decimal }; }");
        assertThat(attr(s, "N::A", "x")).isEqualTo(entity("N::decimal"));
        assertThat(attr(s, "N::A", "y")).isEqualTo(new ExtensionType("decimal"));
    }

    @Test
    void resolveWhenParentOrAppliesToNamesACommonTypeThenOnlyEntityTypesCount() {
        assertThat(humanMessages("entity U; type T = U; entity A in [T];")).containsExactly("undeclared entity type `T`");
        assertThat(humanMessages("entity U; type T = U; action a appliesTo { principal: T, resource: U };"))
                .containsExactly("undeclared entity type `T`");
    }

    @Test
    void resolveWhenBuiltinNamesAreUsedThenTheyAreTheBuiltins() {
        Schema s = schema("""
                entity A = { l: Long, s: String, b: Bool, i: ipaddr, d: decimal, t: datetime, u: duration,
                             q: __cedar::Long, x: Set<__cedar::ipaddr> };
                """);
        assertThat(attr(s, "A", "l")).isEqualTo(SchemaType.LONG);
        assertThat(attr(s, "A", "s")).isEqualTo(SchemaType.STRING);
        assertThat(attr(s, "A", "b")).isEqualTo(SchemaType.BOOL);
        assertThat(attr(s, "A", "i")).isEqualTo(new ExtensionType("ipaddr"));
        assertThat(attr(s, "A", "u")).isEqualTo(new ExtensionType("duration"));
        assertThat(attr(s, "A", "q")).isEqualTo(SchemaType.LONG);
        assertThat(attr(s, "A", "x")).isEqualTo(new SetType(new ExtensionType("ipaddr")));
    }

    @Test
    void resolveWhenEmptyNamespaceDeclaresABuiltinNameThenOnlyTheCedarNameIsTheBuiltin() {
        Schema s = schema("entity String; entity ipaddr; entity A = { s: String, b: __cedar::String, i: ipaddr };");
        assertThat(attr(s, "A", "s")).isEqualTo(entity("String"));
        assertThat(attr(s, "A", "b")).isEqualTo(SchemaType.STRING);
        assertThat(attr(s, "A", "i")).isEqualTo(entity("ipaddr"));
    }

    @Test
    void resolveWhenNamespaceDeclaresABuiltinNameThenItShadowsTheBuiltinThereOnly() {
        Schema s = schema("namespace N { entity Long; entity A = { l: Long }; } entity B = { l: Long };");
        assertThat(attr(s, "N::A", "l")).isEqualTo(entity("N::Long"));
        assertThat(attr(s, "B", "l")).isEqualTo(SchemaType.LONG);
    }

    @Test
    void resolveWhenActionTypeIsUsedAsAttributeTypeThenItIsAnEntityType() {
        Schema s = schema("namespace N { action a; entity A = { a: Action, b: Set<N::Action> }; }");
        assertThat(attr(s, "N::A", "a")).isEqualTo(entity("N::Action"));
        assertThat(attr(s, "N::A", "b")).isEqualTo(new SetType(entity("N::Action")));
        assertThat(s.entityTypes()).containsOnlyKeys(EntityType.of("N::A"));
    }

    @Test
    void resolveWhenNoActionsAreDeclaredThenActionIsNotAType() {
        assertThat(humanMessages("entity A = { a: Action };")).containsExactly("failed to resolve type `Action`");
    }

    @Test
    void resolveWhenAppliesToNamesTheActionTypeThenRejected() {
        List<ParseError> errors = humanErrors("entity U; action a appliesTo { principal: Action, resource: U };");
        assertThat(errors).extracting(ParseError::message).containsExactly("undeclared entity type `Action`");
        assertThat(errors.get(0).help()).contains("type of the actions");
    }

    @Test
    void resolveWhenCommonTypesReferToEachOtherThenTheyAreInlined() {
        Schema s = schema("""
                namespace N {
                  type Tasks = Set<Task>;
                  type Task = { id: Long, owner?: User };
                  entity User = { tasks: Tasks };
                }
                """);
        RecordType task = new RecordType(Map.of("id", new AttributeType(SchemaType.LONG, true),
                "owner", new AttributeType(entity("N::User"), false)));
        assertThat(attr(s, "N::User", "tasks")).isEqualTo(new SetType(task));
        assertThat(s.commonTypes()).containsOnlyKeys("N::Tasks", "N::Task");
        assertThat(s.commonTypes().get("N::Task")).isEqualTo(task);
    }

    @Test
    void resolveWhenContextIsACommonTypeThenItIsInlined() {
        Schema s = schema("entity U; type Ctx = { ip: ipaddr }; action a appliesTo { principal: U, resource: U, context: Ctx };");
        assertThat(s.action(EntityUid.of("Action", "a")).orElseThrow().context())
                .isEqualTo(new RecordType(Map.of("ip", new AttributeType(new ExtensionType("ipaddr"), true))));
    }

    // ---------------------------------------------------------------- hierarchy

    @Test
    void resolveWhenEntityTypesFormAHierarchyThenAncestorsAreTransitivelyClosed() {
        Schema s = schema("entity A in [B]; entity B in [C, D]; entity C; entity D in [D]; entity Team in [Team];");
        EntityTypeDef a = s.entityType(EntityType.of("A")).orElseThrow();
        assertThat(a.memberOfTypes()).containsExactly(EntityType.of("B"));
        assertThat(a.ancestorTypes()).containsExactlyInAnyOrder(EntityType.of("B"), EntityType.of("C"), EntityType.of("D"));
        assertThat(s.entityType(EntityType.of("Team")).orElseThrow().ancestorTypes()).containsExactly(EntityType.of("Team"));
    }

    @Test
    void resolveWhenActionsFormGroupsThenAncestorsAreTransitivelyClosed() {
        Schema s = schema("""
                action all;
                namespace N {
                  action read in [write];
                  action write in [Action::"all", "edit"];
                  action edit;
                }
                """);
        ActionDef read = s.action(EntityUid.of("N::Action", "read")).orElseThrow();
        assertThat(read.memberOf()).containsExactly(EntityUid.of("N::Action", "write"));
        assertThat(read.ancestors()).containsExactlyInAnyOrder(EntityUid.of("N::Action", "write"),
                EntityUid.of("Action", "all"), EntityUid.of("N::Action", "edit"));
    }

    @Test
    void resolveWhenUnqualifiedActionGroupIsOnlyInTheEmptyNamespaceThenItIsFound() {
        Schema s = schema("action all; namespace N { action read in [all]; }");
        assertThat(s.action(EntityUid.of("N::Action", "read")).orElseThrow().memberOf())
                .containsExactly(EntityUid.of("Action", "all"));
    }

    @Test
    void resolveWhenEnumeratedEntityTypeThenChoicesAndNoAttributes() {
        Schema s = schema("entity Color enum [\"red\", \"blue\", \"red\"]; entity Pixel in [Color];");
        EntityTypeDef color = s.entityType(EntityType.of("Color")).orElseThrow();
        assertThat(color.isEnum()).isTrue();
        assertThat(color.enumChoices()).contains(List.of("red", "blue"));
        assertThat(color.shape()).isEqualTo(RecordType.EMPTY);
        assertThat(s.entityType(EntityType.of("Pixel")).orElseThrow().ancestorTypes()).containsExactly(EntityType.of("Color"));
    }

    @Test
    void resolveWhenActionAppliesToThenPrincipalsResourcesAndContextAreResolved() {
        Schema s = schema("namespace N { entity U; entity R; action a appliesTo { principal: [U], resource: [R, U] }; }");
        ActionDef a = s.action(EntityUid.of("N::Action", "a")).orElseThrow();
        assertThat(a.principalTypes()).containsExactly(EntityType.of("N::U"));
        assertThat(a.resourceTypes()).containsExactly(EntityType.of("N::R"), EntityType.of("N::U"));
        assertThat(a.context()).isEqualTo(RecordType.EMPTY);
        assertThat(a.appliesToAnything()).isTrue();
    }

    @Test
    void resolveWhenTagsAreDeclaredThenTheyHaveATypeElseNone() {
        Schema s = schema("entity A tags Set<String>; entity B;");
        assertThat(s.entityType(EntityType.of("A")).orElseThrow().tags()).contains(new SetType(SchemaType.STRING));
        assertThat(s.entityType(EntityType.of("B")).orElseThrow().tags()).isEmpty();
    }

    @Test
    void resolveWhenAnnotatedThenAnnotationsAreKept() {
        Schema s = schema("@doc(\"users\") entity U; @doc(\"read\") @flag action read;");
        assertThat(s.entityType(EntityType.of("U")).orElseThrow().annotations()).isEqualTo(Map.of("doc", "users"));
        assertThat(s.action(EntityUid.of("Action", "read")).orElseThrow().annotations())
                .isEqualTo(Map.of("doc", "read", "flag", ""));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void resolveWhenTypeIsUndeclaredThenErrorWithHelp() {
        List<ParseError> errors = humanErrors("namespace N { entity A = { b: B }; }");
        assertThat(errors).extracting(ParseError::message).containsExactly("failed to resolve type `B`");
        assertThat(errors.get(0).help())
                .isEqualTo("neither `N::B` nor `B` refers to anything that has been declared as a common or entity type");
    }

    @Test
    void resolveWhenUndeclaredTypesAreEverywhereThenEachIsReported() {
        assertThat(humanMessages("""
                type T = { x: X1 };
                entity A in [X2] = { y: Set<X3> } tags X4;
                action a in [nope] appliesTo { principal: X5, resource: [X6], context: X7 };
                """)).containsExactlyInAnyOrder("failed to resolve type `X1`", "undeclared entity type `X2`",
                "failed to resolve type `X3`", "failed to resolve type `X4`", "undeclared action `Action::\"nope\"`",
                "undeclared entity type `X5`", "undeclared entity type `X6`", "undeclared common type `X7`");
    }

    @Test
    void resolveWhenCommonTypesAreCyclicThenError() {
        assertThat(humanMessages("type A = { b: B }; type B = Set<A>; entity E = { a: A };"))
                .containsExactly("cycle in common type references containing `A`");
        assertThat(humanMessages("type A = A;")).containsExactly("cycle in common type references containing `A`");
    }

    @Test
    void resolveWhenActionHierarchyIsCyclicThenError() {
        assertThat(humanMessages("action a in [b]; action b in [c]; action c in [a];"))
                .containsExactly("cycle in action hierarchy containing `Action::\"a\"`");
        assertThat(humanMessages("action a in [a];")).containsExactly("cycle in action hierarchy containing `Action::\"a\"`");
    }

    @Test
    void resolveWhenNamedNamespaceShadowsTheEmptyNamespaceThenError() {
        assertThat(humanMessages("entity User; namespace N { entity User; }"))
                .containsExactly("definition of `N::User` illegally shadows the existing definition of `User`");
        assertThat(humanMessages("type User = Long; namespace N::M { entity User; }"))
                .containsExactly("definition of `N::M::User` illegally shadows the existing definition of `User`");
        assertThat(humanMessages("entity User; namespace N { type User = Long; }"))
                .containsExactly("definition of `N::User` illegally shadows the existing definition of `User`");
        assertThat(humanMessages("action view; namespace N { action view; }"))
                .containsExactly("definition of `N::Action::\"view\"` illegally shadows the existing definition of `Action::\"view\"`");
    }

    @Test
    void resolveWhenSameNameInTwoNamedNamespacesThenAccepted() {
        Schema s = schema("namespace A { entity User; action view; } namespace B { entity User; action view; }");
        assertThat(s.entityTypes()).containsOnlyKeys(EntityType.of("A::User"), EntityType.of("B::User"));
    }

    @Test
    void resolveWhenReservedNamesAreDeclaredThenError() {
        assertThat(humanMessages("namespace __cedar { entity A; }"))
                .containsExactly("`__cedar` uses the reserved `__cedar` namespace");
        assertThat(humanMessages("namespace A::__cedar { }"))
                .containsExactly("`A::__cedar` uses the reserved `__cedar` namespace");
        assertThat(humanMessages("entity __cedar;")).containsExactly("`__cedar` is reserved and cannot be declared");
        assertThat(humanMessages("type __cedar = Long;")).containsExactly("`__cedar` is reserved and cannot be declared");
        assertThat(humanMessages("entity Action;")).containsExactly("entity type `Action` cannot be declared");
        assertThat(humanMessages("namespace N { entity Action; }")).containsExactly("entity type `Action` cannot be declared");
        for (String keyword : List.of("Bool", "Boolean", "Entity", "Extension", "Long", "Record", "Set", "String")) {
            assertThat(humanMessages("type " + keyword + " = Long;")).as(keyword)
                    .containsExactly("`" + keyword + "` is a reserved schema keyword and cannot be a common type name");
        }
    }

    @Test
    void resolveWhenCedarNamespaceIsReferencedWrongThenUndeclared() {
        assertThat(humanMessages("entity A = { a: __cedar::Foo };")).containsExactly("failed to resolve type `__cedar::Foo`");
        assertThat(humanMessages("entity A in [__cedar::String];")).containsExactly("undeclared entity type `__cedar::String`");
    }

    @Test
    void resolveWhenEnumeratedEntityTypeHasNoValuesThenError() {
        assertThat(humanMessages("entity E enum [];")).containsExactly("enumerated entity type `E` has no values");
    }

    @Test
    void resolveWhenContextIsNotARecordThenError() {
        assertThat(humanMessages("entity U; type C = Long; action a appliesTo { principal: U, resource: U, context: C };"))
                .containsExactly("the context of action `Action::\"a\"` must be a record type, not `Long`");
    }

    @Test
    void resolveWhenJsonShapeIsNotARecordThenError() {
        String schema = json("", """
                "commonTypes": {"S": {"type": "Set", "element": {"type": "Long"}}},
                "entityTypes": {"A": {"shape": {"type": "S"}}}, "actions": {}""");
        assertThat(jsonMessages(schema)).containsExactly(
                "the attributes of entity type `A` must be a record type, not `Set<Long>` at `$[\"\"].entityTypes.A.shape`");
    }

    @Test
    void resolveWhenExtensionTypeIsUnknownThenError() {
        String schema = json("", """
                "entityTypes": {"A": {"shape": {"type": "Record", "attributes": {
                  "x": {"type": "Extension", "name": "money"}}}}}, "actions": {}""");
        assertThat(jsonMessages(schema)).containsExactly("unknown extension type `money` at `$[\"\"].entityTypes.A.shape.attributes.x`");
    }

    @Test
    void resolveWhenJsonReferenceKindIsFixedThenOnlyThatKindResolves() {
        String base = """
                "commonTypes": {"C": {"type": "Long"}},
                "entityTypes": {"E": {}, "A": {"shape": {"type": "Record", "attributes": {"x": %s}}}}, "actions": {}""";
        assertThat(jsonMessages(json("N", base.formatted("{\"type\": \"Entity\", \"name\": \"C\"}"))))
                .containsExactly("undeclared entity type `C` at `$.N.entityTypes.A.shape.attributes.x`");
        assertThat(jsonMessages(json("N", base.formatted("{\"type\": \"E\"}"))))
                .containsExactly("undeclared common type `E` at `$.N.entityTypes.A.shape.attributes.x`");
        Schema ok = Schema.parseJson(json("N", base.formatted("{\"type\": \"EntityOrCommon\", \"name\": \"E\"}")));
        assertThat(attr(ok, "N::A", "x")).isEqualTo(entity("N::E"));
    }

    @Test
    void resolveWhenJsonHasAdditionalAttributesThenUnsupported() {
        String schema = json("", """
                "entityTypes": {"A": {"shape": {"type": "Record", "attributes": {}, "additionalAttributes": true}}},
                "actions": {}""");
        assertThat(jsonMessages(schema)).containsExactly("records with `additionalAttributes` are not supported at `$[\"\"].entityTypes.A.shape`");
        assertThat(Schema.parseJson(schema.replace("true", "false")).entityTypes()).hasSize(1);
    }

    @Test
    void resolveWhenErrorIsFoundAfterParsingThenItPointsAtTheSource() {
        String text = "entity A;\nentity B in [A, Nope];\n";
        List<ParseError> errors = humanErrors(text);
        assertThat(text.substring(errors.get(0).span().start(), errors.get(0).span().end())).isEqualTo("Nope");
    }

    @Test
    void resolveWhenSchemaIsBuiltInCodeThenErrorsNameJsonPaths() {
        SchemaFragment f = new SchemaFragment(Map.of("N", new NamespaceDecl(Map.of(),
                Map.of("A", new EntityDecl.Standard(List.of("Nope"), TypeExpr.RecordOf.EMPTY)), Map.of(), Map.of())));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Schema.of(f)))
                .hasMessageContaining("undeclared entity type `Nope` at `$.N.entityTypes.A.memberOfTypes[0]`");
    }
}
