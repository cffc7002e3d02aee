package io.cedarwood.engine.ast;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Printed policies and expressions are readable and parse back to equal ASTs. */
class PolicyPrinterTest {

    // ---------------------------------------------------------------- helpers

    private static final Expr P = new Expr.Var(Variable.PRINCIPAL);
    private static final Expr C = new Expr.Var(Variable.CONTEXT);

    private static Expr lit(long n) {
        return new Expr.Literal(LongValue.of(n));
    }

    private static Expr lit(boolean b) {
        return new Expr.Literal(BoolValue.of(b));
    }

    private static Expr str(String s) {
        return new Expr.Literal(StringValue.of(s));
    }

    private static Expr bin(BinaryOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    private static Expr get(Expr e, String a) {
        return new Expr.GetAttr(e, a);
    }

    private static Expr not(Expr e) {
        return new Expr.Unary(UnaryOp.NOT, e);
    }

    private static Expr neg(Expr e) {
        return new Expr.Unary(UnaryOp.NEG, e);
    }

    /** Prints {@code e}, checks the text, and checks that the text parses back to {@code e}. */
    private static void assertPrints(Expr e, String expected) {
        String printed = PolicyPrinter.print(e);
        assertThat(printed).isEqualTo(expected);
        assertThat(PolicyParser.parseExpression(printed)).isEqualTo(e);
    }

    // ---------------------------------------------------------------- policies

    @Test
    void printsPoliciesInTheReferenceLayout() {
        Policy p = Policy.builder(PolicyId.of("p"), Effect.PERMIT)
                .annotations(Map.of("id", "p1"))
                .principal(new ScopeConstraint.Eq(new EntityReference.Uid(EntityUid.of("User", "alice"))))
                .action(new ActionConstraint.In(List.of(EntityUid.of("Action", "view"), EntityUid.of("Action", "edit"))))
                .resource(new ScopeConstraint.IsIn(EntityType.of("Photo"), new EntityReference.Slot(SlotId.RESOURCE)))
                .conditions(List.of(new Condition(Condition.Kind.WHEN, bin(BinaryOp.EQ, get(P, "owner"), P)),
                        new Condition(Condition.Kind.UNLESS, get(C, "blocked"))))
                .build();

        String printed = PolicyPrinter.print(p);

        assertThat(printed).isEqualTo("@id(\"p1\")\n"
                + "permit(\n"
                + "  principal == User::\"alice\",\n"
                + "  action in [Action::\"view\", Action::\"edit\"],\n"
                + "  resource is Photo in ?resource\n"
                + ") when {\n"
                + "  principal.owner == principal\n"
                + "} unless {\n"
                + "  context.blocked\n"
                + "};");
        assertThat(PolicyParser.parsePolicy(PolicyId.of("p"), printed)).isEqualTo(p);
        assertThat(p.toCedar()).isEqualTo(printed);
    }

    @Test
    void printsEveryScopeForm() {
        EntityReference alice = new EntityReference.Uid(EntityUid.of("Ns::User", "alice"));
        List<Policy> policies = List.of(
                Policy.builder(PolicyId.of("a"), Effect.FORBID).build(),
                Policy.builder(PolicyId.of("b"), Effect.PERMIT).principal(new ScopeConstraint.In(alice))
                        .action(new ActionConstraint.Eq(EntityUid.of("Ns::Action", "x")))
                        .resource(new ScopeConstraint.Is(EntityType.of("Ns::Photo"))).build(),
                Policy.builder(PolicyId.of("c"), Effect.PERMIT)
                        .principal(new ScopeConstraint.Eq(new EntityReference.Slot(SlotId.PRINCIPAL)))
                        .action(new ActionConstraint.In(List.of())).build(),
                Policy.builder(PolicyId.of("d"), Effect.PERMIT)
                        .action(new ActionConstraint.In(List.of(EntityUid.of("Action", "only")))).build());

        for (Policy p : policies) {
            assertThat(PolicyParser.parsePolicy(p.id(), PolicyPrinter.print(p))).isEqualTo(p);
        }
        assertThat(PolicyPrinter.print(policies.get(2))).contains("principal == ?principal,\n  action in [],");
        assertThat(PolicyPrinter.print(policies.get(3))).contains("action in Action::\"only\"");
    }

    @Test
    void printsValueLessAnnotationsWithTheEmptyString() {
        Policy p = PolicyParser.parsePolicy(PolicyId.of("p"), "@a @b(\"\\\"\") permit(principal, action, resource);");

        assertThat(PolicyPrinter.print(p)).startsWith("@a(\"\")\n@b(\"\\\"\")\npermit(");
    }

    @Test
    void putsEachOperandOfALongConditionOnItsOwnLine() {
        String condition = "principal.department == \"engineering\" && principal.level >= 5 && "
                + "resource.owner == principal && context.authenticated";
        Policy p = PolicyParser.parsePolicy(PolicyId.of("p"), "permit(principal, action, resource) when { " + condition + " };");

        assertThat(PolicyPrinter.print(p)).contains(") when {\n"
                + "  principal.department == \"engineering\" &&\n"
                + "  principal.level >= 5 &&\n"
                + "  resource.owner == principal &&\n"
                + "  context.authenticated\n"
                + "};");
        assertThat(PolicyParser.parsePolicy(PolicyId.of("p"), PolicyPrinter.print(p))).isEqualTo(p);
    }

    // ---------------------------------------------------------------- parentheses

    @Test
    void addsParenthesesOnlyWherePrecedenceNeedsThem() {
        Expr a = get(C, "a");
        Expr b = get(C, "b");
        Expr c = get(C, "c");
        assertPrints(new Expr.Or(new Expr.Or(a, b), c), "context.a || context.b || context.c");
        assertPrints(new Expr.Or(a, new Expr.Or(b, c)), "context.a || (context.b || context.c)");
        assertPrints(new Expr.And(a, new Expr.Or(b, c)), "context.a && (context.b || context.c)");
        assertPrints(new Expr.Or(a, new Expr.And(b, c)), "context.a || context.b && context.c");
        assertPrints(bin(BinaryOp.SUB, a, bin(BinaryOp.SUB, b, c)), "context.a - (context.b - context.c)");
        assertPrints(bin(BinaryOp.SUB, bin(BinaryOp.SUB, a, b), c), "context.a - context.b - context.c");
        assertPrints(bin(BinaryOp.MUL, a, bin(BinaryOp.ADD, b, c)), "context.a * (context.b + context.c)");
        assertPrints(bin(BinaryOp.ADD, a, bin(BinaryOp.MUL, b, c)), "context.a + context.b * context.c");
        assertPrints(get(bin(BinaryOp.ADD, a, b), "x"), "(context.a + context.b).x");
        assertPrints(not(bin(BinaryOp.EQ, a, b)), "!(context.a == context.b)");
        assertPrints(bin(BinaryOp.EQ, not(a), b), "!context.a == context.b");
    }

    @Test
    void relationsDoNotChainSoNestedOnesGetParentheses() {
        assertPrints(bin(BinaryOp.EQ, bin(BinaryOp.EQ, lit(1), lit(2)), lit(true)), "(1 == 2) == true");
        assertPrints(bin(BinaryOp.LESS, lit(1), bin(BinaryOp.LESS, lit(2), lit(3))), "1 < (2 < 3)");
        assertPrints(bin(BinaryOp.IN, P, bin(BinaryOp.IN, P, P)), "principal in (principal in principal)");
        assertPrints(new Expr.HasAttr(bin(BinaryOp.EQ, P, P), "a"), "(principal == principal) has a");
        assertPrints(new Expr.Is(new Expr.Is(P, EntityType.of("A")), EntityType.of("B")), "(principal is A) is B");
    }

    @Test
    void ifThenElseIsParenthesizedAsAnOperand() {
        Expr ite = new Expr.If(lit(true), lit(1), lit(2));
        assertPrints(bin(BinaryOp.ADD, ite, lit(3)), "(if true then 1 else 2) + 3");
        assertPrints(new Expr.If(ite, ite, ite), "if (if true then 1 else 2) then (if true then 1 else 2) "
                + "else if true then 1 else 2");
        assertPrints(new Expr.If(lit(true), new Expr.Or(lit(true), lit(false)), lit(1)), "if true then true || false else 1");
    }

    @Test
    void neverWritesANegationThatWouldReadAsANegativeLiteral() {
        assertPrints(lit(-5), "-5");
        assertPrints(neg(lit(5)), "-(5)");
        assertPrints(neg(lit(-5)), "-(-5)");
        assertPrints(neg(neg(lit(5))), "--(5)");
        assertPrints(lit(Long.MIN_VALUE), "-9223372036854775808");
        assertPrints(neg(lit(Long.MIN_VALUE)), "-(-9223372036854775808)");
        assertPrints(lit(Long.MAX_VALUE), "9223372036854775807");
        assertPrints(bin(BinaryOp.SUB, lit(1), lit(-5)), "1 - -5");
        assertPrints(bin(BinaryOp.MUL, lit(-2), lit(-3)), "-2 * -3");
        assertPrints(get(lit(-5), "a"), "(-5).a");
        assertPrints(not(lit(-5)), "!(-5)");
        assertPrints(neg(str("a")), "-\"a\"");
    }

    @Test
    void breaksChainsOfMoreThanFourUnaryOperators() {
        Expr e = get(C, "x");
        for (int i = 0; i < 6; i++) {
            e = not(e);
        }
        assertPrints(e, "!!!!(!!context.x)");
        Expr n = get(C, "x");
        for (int i = 0; i < 9; i++) {
            n = neg(n);
        }
        assertPrints(n, "----(----(-context.x))");
        assertPrints(not(neg(get(C, "x"))), "!(-context.x)");
        assertPrints(neg(not(get(C, "x"))), "-(!context.x)");
    }

    // ---------------------------------------------------------------- names, strings, sugar

    @Test
    void quotesAttributeNamesThatAreNotIdentifiers() {
        assertPrints(get(P, "name"), "principal.name");
        assertPrints(get(P, "first name"), "principal[\"first name\"]");
        assertPrints(get(P, "if"), "principal[\"if\"]");
        assertPrints(get(P, "__cedar"), "principal[\"__cedar\"]");
        assertPrints(get(P, ""), "principal[\"\"]");
        assertPrints(get(P, "principal"), "principal.principal");
        assertPrints(new Expr.HasAttr(P, "a b"), "principal has \"a b\"");
        assertPrints(new Expr.HasAttr(P, "then"), "principal has \"then\"");
        assertPrints(new Expr.HasAttr(P, "action"), "principal has action");
        Map<String, Expr> fields = new LinkedHashMap<>();
        fields.put("a", lit(1));
        fields.put("b c", lit(2));
        fields.put("in", lit(3));
        fields.put("context", lit(4));
        assertPrints(new Expr.RecordLit(fields), "{a: 1, \"b c\": 2, \"in\": 3, context: 4}");
    }

    @Test
    void escapesStringsAndPatterns() {
        assertPrints(str("a\"b\\c\n\t\r\0"), "\"a\\\"b\\\\c\\n\\t\\r\\0\"");
        assertPrints(str("\u0007" + Character.toString(0x1F600)), "\"\\u{7}" + Character.toString(0x1F600) + "\"");
        Expr like = new Expr.Like(P, new Pattern(List.of(new Pattern.Text("a*b\\"), new Pattern.Wildcard(),
                new Pattern.Wildcard(), new Pattern.Text("\"c"))));
        assertPrints(like, "principal like \"a\\*b\\\\**\\\"c\"");
        assertPrints(new Expr.Literal(EntityUid.of("A::B", "x\"y")), "A::B::\"x\\\"y\"");
    }

    @Test
    void writesDesugaredFormsTheWayTheyWereMostLikelyWritten() {
        Expr hasAB = new Expr.And(new Expr.HasAttr(P, "a"), new Expr.HasAttr(get(P, "a"), "b"));
        assertPrints(hasAB, "principal has a.b");
        assertPrints(new Expr.And(hasAB, new Expr.HasAttr(get(get(P, "a"), "b"), "c")), "principal has a.b.c");
        assertPrints(new Expr.And(lit(true), hasAB), "true && principal has a.b");
        assertPrints(new Expr.And(new Expr.HasAttr(P, "a"), new Expr.HasAttr(get(C, "a"), "b")),
                "principal has a && context.a has b");
        assertPrints(new Expr.And(new Expr.HasAttr(P, "a b"), new Expr.HasAttr(get(P, "a b"), "c")),
                "principal has \"a b\" && principal[\"a b\"] has c");

        Expr isIn = new Expr.And(new Expr.Is(P, EntityType.of("User")),
                bin(BinaryOp.IN, P, new Expr.Literal(EntityUid.of("Group", "g"))));
        assertPrints(isIn, "principal is User in Group::\"g\"");
        assertPrints(new Expr.And(lit(true), isIn), "true && principal is User in Group::\"g\"");
        assertPrints(new Expr.And(new Expr.Is(P, EntityType.of("User")), bin(BinaryOp.IN, C, P)),
                "principal is User && context in principal");
    }

    @Test
    void writesMethodsAndFunctionsInTheirOwnStyle() {
        Expr ip = new Expr.ExtensionCall("ip", List.of(str("10.0.0.1")));
        assertPrints(ip, "ip(\"10.0.0.1\")");
        assertPrints(new Expr.ExtensionCall("isInRange", List.of(ip, ip)), "ip(\"10.0.0.1\").isInRange(ip(\"10.0.0.1\"))");
        assertPrints(new Expr.ExtensionCall("isIpv4", List.of(get(C, "ip"))), "context.ip.isIpv4()");
        assertPrints(new Expr.ExtensionCall("isIpv4", List.of(str("x"))), "\"x\".isIpv4()");
        assertPrints(new Expr.ExtensionCall("isIpv4", List.of(lit(-1))), "(-1).isIpv4()");
        assertPrints(bin(BinaryOp.CONTAINS, new Expr.SetLit(List.of(lit(1))), lit(1)), "[1].contains(1)");
        assertPrints(bin(BinaryOp.GET_TAG, P, str("t")), "principal.getTag(\"t\")");
        assertPrints(new Expr.Unary(UnaryOp.IS_EMPTY, bin(BinaryOp.ADD, lit(1), lit(2))), "(1 + 2).isEmpty()");
    }

    // ---------------------------------------------------------------- golden files and round trips

    static Stream<Path> goldenInputs() throws IOException, URISyntaxException {
        Path dir = Path.of(PolicyPrinterTest.class.getResource("/parser/printer").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".cedar")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenInputs")
    void printsPolicyFilesAsTheGoldenFileSays(Path input) throws IOException {
        PolicySet set = PolicySet.parse(Files.readString(input));
        List<Policy> all = new ArrayList<>(set.policies());
        all.addAll(set.templates());
        all.sort(Comparator.comparingInt(p -> Integer.parseInt(p.id().value().substring("policy".length()))));
        String printed = all.stream().map(PolicyPrinter::print).collect(Collectors.joining("\n\n")) + "\n";

        String name = input.getFileName().toString().replaceFirst("\\.cedar$", ".expected");
        if (Boolean.getBoolean("cedar.updateGolden")) {
            Files.writeString(Path.of("src", "test", "resources", "parser", "printer", name), printed);
        } else {
            assertThat(printed).isEqualTo(Files.readString(input.resolveSibling(name)));
        }
        for (Policy p : all) {
            assertThat(PolicyParser.parsePolicy(p.id(), PolicyPrinter.print(p))).isEqualTo(p);
        }
    }

    @Test
    void randomExpressionsPrintToTextThatParsesBackToThem() {
        Random random = new Random(20240601L);
        Generator g = new Generator(random);
        for (int i = 0; i < 3000; i++) {
            Expr e = g.expr(5);
            String printed = PolicyPrinter.print(e);
            assertThat(PolicyParser.parseExpression(printed)).as(printed).isEqualTo(e);
        }
    }

    /** Builds random expressions in the form the parser produces them (patterns merged, valid names). */
    private static final class Generator {
        private static final List<String> ATTRIBUTES = List.of("a", "b", "name", "if", "then", "in", "a b", "",
                "principal", "__cedar", "x.y", "ünïcode", "*");
        private static final List<String> STRINGS = List.of("", "a", "x y", "quote\"", "back\\slash", "line\nbreak",
                "tab\t", "nul\0", "*", "\\*", Character.toString(0x1F600), "\u0007", "\u2028", "é");
        private static final List<String> TYPES = List.of("User", "Ns::User", "A::B::C", "principal", "Action");
        private static final List<Long> LONGS = List.of(0L, 1L, -1L, 5L, -5L, 42L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1);

        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        Expr expr(int depth) {
            if (depth == 0 || random.nextInt(4) == 0) {
                return leaf();
            }
            int d = depth - 1;
            switch (random.nextInt(14)) {
                case 0:
                    return new Expr.If(expr(d), expr(d), expr(d));
                case 1:
                    return new Expr.And(expr(d), expr(d));
                case 2:
                    return new Expr.Or(expr(d), expr(d));
                case 3:
                    return new Expr.Unary(pick(List.of(UnaryOp.values())), expr(d));
                case 4:
                case 5:
                    return new Expr.Binary(pick(List.of(BinaryOp.values())), expr(d), expr(d));
                case 6:
                    return new Expr.GetAttr(expr(d), pick(ATTRIBUTES));
                case 7:
                    return random.nextBoolean() ? new Expr.HasAttr(expr(d), pick(ATTRIBUTES)) : hasChain(d);
                case 8:
                    return new Expr.Like(expr(d), pattern());
                case 9:
                    return random.nextBoolean() ? new Expr.Is(expr(d), EntityType.of(pick(TYPES))) : isIn(d);
                case 10: {
                    List<Expr> elements = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        elements.add(expr(d));
                    }
                    return new Expr.SetLit(elements);
                }
                case 11: {
                    Map<String, Expr> fields = new LinkedHashMap<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        fields.put(pick(ATTRIBUTES), expr(d));
                    }
                    return new Expr.RecordLit(fields);
                }
                default:
                    return call(d);
            }
        }

        private Expr hasChain(int d) {
            Expr target = expr(d);
            Expr has = new Expr.HasAttr(target, "a");
            Expr path = new Expr.GetAttr(target, "a");
            for (String attribute : List.of("b", "c").subList(0, 1 + random.nextInt(2))) {
                has = new Expr.And(has, new Expr.HasAttr(path, attribute));
                path = new Expr.GetAttr(path, attribute);
            }
            return has;
        }

        private Expr isIn(int d) {
            Expr target = expr(d);
            return new Expr.And(new Expr.Is(target, EntityType.of(pick(TYPES))), new Expr.Binary(BinaryOp.IN, target, expr(d)));
        }

        private Expr call(int d) {
            ExtensionFunction f = pick(Extensions.all());
            List<Expr> args = new ArrayList<>();
            for (int i = 0; i < f.arity(); i++) {
                args.add(expr(d));
            }
            return new Expr.ExtensionCall(f.name(), args);
        }

        private Pattern pattern() {
            List<Pattern.Element> elements = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                if (random.nextBoolean()) {
                    elements.add(new Pattern.Wildcard());
                } else if (!elements.isEmpty() && elements.get(elements.size() - 1) instanceof Pattern.Text t) {
                    elements.set(elements.size() - 1, new Pattern.Text(t.text() + pick(STRINGS) + "x"));
                } else {
                    elements.add(new Pattern.Text(pick(STRINGS) + "x"));
                }
            }
            return new Pattern(elements);
        }

        private Expr leaf() {
            switch (random.nextInt(5)) {
                case 0:
                    return new Expr.Literal(LongValue.of(pick(LONGS)));
                case 1:
                    return new Expr.Literal(BoolValue.of(random.nextBoolean()));
                case 2:
                    return new Expr.Literal(StringValue.of(pick(STRINGS)));
                case 3:
                    return new Expr.Literal(EntityUid.of(pick(TYPES), pick(STRINGS)));
                default:
                    return new Expr.Var(pick(List.of(Variable.values())));
            }
        }
    }
}
