package io.cedarwood.engine.drt;

import io.cedarwood.enforcement.filter.ResourceFilter;
import io.cedarwood.enforcement.filter.ResourceQuery;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.Validator;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationMode;
import io.cedarwood.engine.value.CedarException;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory backend of resource filters against a decision per resource, on the engine's generated
 * inputs (schema, conforming entities, policies that validate, valid requests): for each request's principal,
 * action and resource type, the filter holds for exactly the resources of the store that
 * {@code isAuthorized} allows; {@code certain()} only for allowed ones, {@code candidates()} for every allowed
 * one. In this package to reach the engine's generators (test-jar). A campaign:
 * {@code -Dtest=ResourceFilterPropertiesTest -Dfilter.cases=N -Dfilter.caseSeed=random}.
 */
class ResourceFilterPropertiesTest {
    private static final Authorizer AUTHORIZER = new Authorizer();

    @Test
    void theInMemoryFilterAllowsExactlyWhatPerResourceDecisionsAllow() {
        int cases = Integer.getInteger("filter.cases", 300);
        String seedProperty = System.getProperty("filter.caseSeed", "14014");
        long seed = seedProperty.equals("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedProperty);
        long queries = 0;
        long decisions = 0;
        long allowed = 0;
        long inexact = 0;
        for (int i = 0; i < cases; i++) {
            long caseSeed = Rng.caseSeed(seed, 2, i);
            AuthCase c = AuthCase.generate(new Rng(caseSeed), false);
            Schema schema = Schema.parseCedarSchema(c.schema().toCedarSchema());
            Entities entities;
            try {
                entities = Entities.of(CedarJson.readEntities(CedarJson.writeEntities(c.entities()), schema));
            } catch (CedarException e) {
                continue;
            }
            PolicySet policies = validPolicies(c, schema);
            ResourceQuery query = new ResourceQuery(schema);
            for (Request r : c.requests()) {
                try {
                    schema.validateRequest(r);
                } catch (CedarException e) {
                    continue;
                }
                ResourceFilter filter = query.filter(r.principal(), r.action(), r.resource().type(), r.context(),
                        policies, entities);
                queries++;
                if (!filter.isExact()) {
                    inexact++;
                }
                Predicate<Entity> exact = filter.inMemory(entities);
                Predicate<Entity> certain = filter.certain().toPredicate(entities);
                Predicate<Entity> candidates = filter.candidates().toPredicate(entities);
                for (Entity resource : entities) {
                    if (!resource.uid().type().equals(r.resource().type())) {
                        continue;
                    }
                    Request each = new Request(r.principal(), r.action(), resource.uid(), r.context());
                    boolean expected = AUTHORIZER.isAuthorized(each, policies, entities).decision() == Decision.ALLOW;
                    String where = "case seed " + caseSeed + ": " + each + ", " + filter;
                    assertThat(exact.test(resource)).as(where).isEqualTo(expected);
                    // what certain() holds for is allowed; what is allowed, candidates() holds for
                    assertThat(!certain.test(resource) || expected).as("certain, " + where).isTrue();
                    assertThat(!expected || candidates.test(resource)).as("candidates, " + where).isTrue();
                    if (filter.isExact()) {
                        assertThat(certain.test(resource)).as(where).isEqualTo(expected);
                    }
                    decisions++;
                    if (expected) {
                        allowed++;
                    }
                }
            }
        }
        System.out.printf("resource filters in memory: seed %d, %d cases, %d queries (%d with parts left to a decision"
                + " each), %d resources decided, %d allowed%n", seed, cases, queries, inexact, decisions, allowed);
        assertThat(queries).isGreaterThan(cases);
        assertThat(allowed).isGreaterThan(0);
        assertThat(decisions - allowed).isGreaterThan(0);
    }

    private static PolicySet validPolicies(AuthCase c, Schema schema) {
        PolicySet all = PolicySet.EMPTY;
        for (Policy p : c.policies()) {
            all = all.add(p);
        }
        for (AuthCase.Link l : c.links()) {
            all = all.link(l.templateId(), l.newId(), l.values());
        }
        Set<String> failing = ValidationTarget.failing(new Validator(schema).validate(all, ValidationMode.STRICT));
        List<Policy> valid = new ArrayList<>();
        for (Policy p : all.policies()) {
            if (!failing.contains(p.id().value()) && !p.templateId().map(t -> failing.contains(t.value())).orElse(false)) {
                valid.add(p.toBuilder().templateId(null).build());
            }
        }
        return PolicySet.of(valid);
    }
}
