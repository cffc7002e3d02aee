package io.cedarwood.analysis;

import com.microsoft.z3.BoolExpr;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerTest {
    static final Schema SCHEMA = Schema.parseCedarSchema("""
            entity Team in [Team];
            entity User in [Team] { level: Long, name: String, nick?: String, tags: Set<String> };
            entity Doc { owner: User, readers: Set<User>, group?: Team, meta: { size: Long, label?: String } };
            action view, edit appliesTo { principal: User, resource: Doc, context: { ip: String, n?: Long } };
            """);
    static final RequestEnvironment VIEW = new RequestEnvironment(EntityType.of("User"), EntityUid.of("Action", "view"),
            EntityType.of("Doc"));

    final Analyzer analyzer = new Analyzer(SCHEMA);

    @Test
    void alwaysDeniesOfTheEmptySetIsYes() {
        assertThat(analyzer.alwaysDenies(PolicySet.EMPTY, VIEW).verdict()).isEqualTo(Verdict.YES);
    }

    @Test
    void alwaysAllowsOfAnOwnerRuleIsNoWithACounterexampleTheAuthorizerDenies() {
        PolicySet set = PolicySet.parse("permit(principal, action, resource) when { resource.owner == principal };");
        Answer a = analyzer.alwaysAllows(set, VIEW);
        assertThat(a.verdict()).as(a.toString()).isEqualTo(Verdict.NO);
        Counterexample c = a.counterexample().orElseThrow();
        assertThat(new Authorizer().isAuthorized(c.request(), set, c.entities()).decision()).isEqualTo(Decision.DENY);
    }

    @Test
    void equivalentSeesThroughRewriting() {
        PolicySet a = PolicySet.parse("permit(principal, action, resource) when { principal.level > 3 && resource.owner == principal };");
        PolicySet b = PolicySet.parse("permit(principal, action, resource) when { !(principal.level <= 3) } unless { resource.owner != principal };");
        assertThat(analyzer.equivalent(a, b, VIEW).verdict()).isEqualTo(Verdict.YES);
    }

    @Test
    void overflowIsAnError() {
        PolicySet set = PolicySet.parse("permit(principal, action, resource) when { principal.level + 1 > 0 };");
        Answer a = analyzer.neverErrors(set, VIEW);
        assertThat(a.verdict()).as(a.toString()).isEqualTo(Verdict.NO);
        assertThat(a.counterexample().orElseThrow().entities().entity(a.counterexample().get().request().principal())
                .attributes().get("level").toCedar()).isEqualTo("9223372036854775807");
    }

    @Test
    void optionalAttributeWithoutHasMayError() {
        PolicySet guarded = PolicySet.parse("permit(principal, action, resource) when { principal has nick && principal.nick like \"a*\" };");
        PolicySet unguarded = PolicySet.parse("permit(principal, action, resource) when { principal.nick like \"a*b\" };");
        assertThat(analyzer.neverErrors(guarded, VIEW).verdict()).isEqualTo(Verdict.YES);
        assertThat(analyzer.neverErrors(unguarded, VIEW)).extracting(Answer::verdict).isEqualTo(Verdict.NO);
    }

    @Test
    void hierarchyInIsTransitive() {
        PolicySet a = PolicySet.parse("""
                permit(principal in Team::"a", action, resource);
                """);
        PolicySet b = PolicySet.parse("""
                permit(principal in Team::"a", action, resource) when { principal in Team::"b" || !(principal in Team::"b") };
                permit(principal in Team::"b", action, resource) when { Team::"b" in Team::"a" };
                """);
        assertThat(analyzer.equivalent(a, b, VIEW).verdict()).isEqualTo(Verdict.YES);
        PolicySet c = PolicySet.parse("permit(principal, action, resource) when { principal in resource.readers || principal in resource.group };");
        assertThat(analyzer.implies(a, c, VIEW).verdict()).isEqualTo(Verdict.NO);
        assertThat(analyzer.implies(c, a, VIEW).verdict()).isEqualTo(Verdict.NO);
    }

    @Test
    void setsAndRecords() {
        PolicySet a = PolicySet.parse("""
                permit(principal, action, resource) when { principal.tags.containsAll(["x", "y"]) && resource.meta.size < 10 };
                """);
        PolicySet b = PolicySet.parse("""
                permit(principal, action, resource) when { principal.tags.contains("x") && principal.tags.containsAny(["y"]) && resource.meta.size <= 9 };
                """);
        assertThat(analyzer.equivalent(a, b, VIEW).verdict()).isEqualTo(Verdict.YES);
        PolicySet c = PolicySet.parse("""
                permit(principal, action, resource) when { principal.tags.contains("x") && context.ip like "10.*" };
                """);
        Answer more = analyzer.implies(c, a, VIEW);
        assertThat(more.verdict()).as(more.toString()).isEqualTo(Verdict.NO);
    }

    @Test
    void aCounterexampleTheAuthorizerDecidesOtherwiseFailsLoudly() {
        PolicySet encoded = PolicySet.parse("permit(principal, action, resource) when { principal.level > 3 };");
        PolicySet actual = PolicySet.parse("permit(principal, action, resource) when { principal.level > 4 };");
        try (Session session = new Session(SCHEMA, VIEW, Analyzer.DEFAULT_TIMEOUT)) {
            Session.CompiledSet set = session.compile(encoded, actual);
            // level 4 tells the two apart; the model must pick it for the answers to differ
            SymValue.Term level = (SymValue.Term) session.env.attributes(EntityType.of("User"), session.env.principal)
                    .fields().get("level").value();
            BoolExpr levelIsFour = session.ctx.mkEq(level.term(), session.ctx.mkBV(4, 64));
            assertThatThrownBy(() -> session.refute(session.ctx.mkAnd(set.allows(), levelIsFour)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the analysis disagrees with the authorizer");
        }
    }

    @Test
    void decimalsDatetimesAndDurations() {
        Schema schema = Schema.parseCedarSchema("""
                entity User { score: decimal, born: datetime };
                entity Doc;
                action view appliesTo { principal: User, resource: Doc, context: { now: datetime, ttl: duration } };
                """);
        Analyzer a = new Analyzer(schema);
        PolicySet p = PolicySet.parse("""
                permit(principal, action, resource) when {
                    principal.score.greaterThan(decimal("1.5")) && context.now.durationSince(principal.born) > duration("1d")
                };
                """);
        PolicySet q = PolicySet.parse("""
                permit(principal, action, resource) when {
                    !principal.score.lessThanOrEqual(decimal("1.5000")) && principal.born.offset(duration("24h")) < context.now
                };
                """);
        assertThat(a.equivalent(p, q, VIEW).verdict()).isEqualTo(Verdict.NO); // offset and durationSince overflow apart
        assertThat(a.implies(q, p, VIEW).verdict()).isEqualTo(Verdict.NO);
        assertThat(a.neverErrors(p, VIEW).verdict()).isEqualTo(Verdict.NO);
        assertThat(a.alwaysDenies(PolicySet.parse(
                "permit(principal, action, resource) when { context.ttl.toMilliseconds() < 0 && context.ttl > duration(\"0ms\") };"),
                VIEW).verdict()).isEqualTo(Verdict.YES);
    }

    @Test
    void ipAddresses() {
        Schema schema = Schema.parseCedarSchema("""
                entity User { ip: ipaddr };
                entity Doc;
                action view appliesTo { principal: User, resource: Doc };
                """);
        Analyzer a = new Analyzer(schema);
        PolicySet inTen = PolicySet.parse("permit(principal, action, resource) when { principal.ip.isInRange(ip(\"10.0.0.0/8\")) };");
        PolicySet inTenOne = PolicySet.parse("permit(principal, action, resource) when { principal.ip.isInRange(ip(\"10.1.0.0/16\")) };");
        PolicySet loopback = PolicySet.parse("permit(principal, action, resource) when { principal.ip.isLoopback() };");
        assertThat(a.implies(inTenOne, inTen, VIEW).verdict()).isEqualTo(Verdict.YES);
        assertThat(a.implies(inTen, inTenOne, VIEW).verdict()).isEqualTo(Verdict.NO);
        assertThat(a.disjoint(inTen, loopback, VIEW).verdict()).isEqualTo(Verdict.YES);
        assertThat(a.implies(loopback, PolicySet.parse(
                "permit(principal, action, resource) when { principal.ip.isInRange(ip(\"127.0.0.0/8\")) || principal.ip.isIpv6() };"),
                VIEW).verdict()).isEqualTo(Verdict.YES);
    }

    @Test
    void counterexamplesOfSetOperationsAreConfirmed() {
        PolicySet none = PolicySet.parse("permit(principal, action, resource) when { !principal.tags.containsAny([\"ab\", \"A\"]) };");
        PolicySet all = PolicySet.parse("permit(principal, action, resource) when { principal.tags.containsAll([\"ab\", \"A\"]) };");
        for (PolicySet set : new PolicySet[] {none, all}) {
            assertThat(analyzer.alwaysDenies(set, VIEW).verdict()).isEqualTo(Verdict.NO);
            assertThat(analyzer.alwaysAllows(set, VIEW).verdict()).isEqualTo(Verdict.NO);
        }
        assertThat(analyzer.disjoint(none, all, VIEW).verdict()).isEqualTo(Verdict.YES);
    }

    @Test
    void extensionFunctionsAreUnsupportedNotAnswered() {
        PolicySet a = PolicySet.parse("permit(principal, action, resource) when { ip(context.ip).isLoopback() };");
        Answer answer = analyzer.equivalent(a, a, VIEW);
        assertThat(answer.verdict()).as(answer.toString()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(answer.unsupported()).containsKey(io.cedarwood.engine.ast.PolicyId.of("policy0"));
    }
}
