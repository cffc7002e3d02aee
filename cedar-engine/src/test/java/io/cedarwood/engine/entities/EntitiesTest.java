package io.cedarwood.engine.entities;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntitiesTest {
    private static final EntityUid A = EntityUid.of("E", "a");
    private static final EntityUid B = EntityUid.of("E", "b");
    private static final EntityUid C = EntityUid.of("E", "c");
    private static final EntityUid D = EntityUid.of("E", "d");

    private static Entity entity(EntityUid uid, EntityUid... parents) {
        return new Entity(uid, Map.of(), Set.of(parents));
    }

    @Test
    void looksEntitiesUpByUid() {
        Entity a = new Entity(A, Map.of("x", LongValue.of(1)), Set.of());
        Entities entities = Entities.of(List.of(a, entity(B)));
        assertThat(entities.entity(A)).isEqualTo(a);
        assertThat(entities.entity(C)).isNull();
        assertThat(entities.contains(B)).isTrue();
        assertThat(entities.contains(C)).isFalse();
        assertThat(entities.size()).isEqualTo(2);
        assertThat(entities.all()).extracting(Entity::uid).containsExactly(A, B);
        assertThat(entities).extracting(Entity::uid).containsExactly(A, B);
    }

    @Test
    void ancestorsAreTheTransitiveClosureOfParents() {
        // a -> b -> c, a -> d, d -> c
        Entities entities = Entities.of(List.of(entity(A, B, D), entity(B, C), entity(C), entity(D, C)));
        assertThat(entities.ancestors(A)).containsExactlyInAnyOrder(B, C, D);
        assertThat(entities.ancestors(B)).containsExactly(C);
        assertThat(entities.ancestors(C)).isEmpty();
        assertThat(entities.ancestors(EntityUid.of("E", "missing"))).isEmpty();
    }

    @Test
    void ancestorsDoNotDependOnTheOrderEntitiesAreGiven() {
        Entities forward = Entities.of(List.of(entity(A, B), entity(B, C), entity(C, D)));
        Entities backward = Entities.of(List.of(entity(C, D), entity(B, C), entity(A, B)));
        assertThat(forward.ancestors(A)).containsExactlyInAnyOrder(B, C, D);
        assertThat(backward.ancestors(A)).containsExactlyInAnyOrder(B, C, D);
        assertThat(forward).isEqualTo(backward);
    }

    @Test
    void aParentMissingFromTheStoreIsAnAncestorWithoutAncestors() {
        Entities entities = Entities.of(List.of(entity(A, B)));
        assertThat(entities.ancestors(A)).containsExactly(B);
        assertThat(entities.entity(B)).isNull();
        assertThat(entities.ancestors(B)).isEmpty();
    }

    @Test
    void ancestorsAgreeWithTheProvidersDefaultWalk() {
        Entities entities = Entities.of(List.of(entity(A, B, D), entity(B, C), entity(C), entity(D, C)));
        EntityProvider walking = entities::entity;
        for (EntityUid uid : List.of(A, B, C, D)) {
            assertThat(entities.ancestors(uid)).isEqualTo(walking.ancestors(uid));
        }
    }

    @Test
    void twoDifferentEntitiesWithOneUidAreRejected() {
        assertThatThrownBy(() -> Entities.of(List.of(entity(A), entity(A, B))))
                .isInstanceOf(CedarException.class)
                .hasMessage("duplicate entity entry `E::\"a\"`");
    }

    @Test
    void theSameEntityGivenTwiceCountsOnce() {
        Entities entities = Entities.of(List.of(entity(A, B), entity(A, B)));
        assertThat(entities.size()).isEqualTo(1);
    }

    @Test
    void aCycleIsRejectedNamingAnEntityOnIt() {
        assertThatThrownBy(() -> Entities.of(List.of(entity(D, A), entity(A, B), entity(B, C), entity(C, A))))
                .isInstanceOf(CedarException.class)
                .hasMessageMatching("the entity hierarchy has a cycle: `E::\"[abc]\"` is its own ancestor");
    }

    @Test
    void anEntityThatIsItsOwnParentIsACycle() {
        assertThatThrownBy(() -> Entities.of(List.of(entity(A, A))))
                .isInstanceOf(CedarException.class)
                .hasMessage("the entity hierarchy has a cycle: `E::\"a\"` is its own ancestor");
    }

    @Test
    void aDiamondIsNotACycle() {
        Entities entities = Entities.of(List.of(entity(A, B, C), entity(B, D), entity(C, D), entity(D)));
        assertThat(entities.ancestors(A)).containsExactlyInAnyOrder(B, C, D);
    }

    @Test
    @Timeout(20)
    void aLongChainOfParentsDoesNotExhaustTheStack() {
        List<Entity> chain = new ArrayList<>();
        int n = 3_000;
        for (int i = 0; i < n; i++) {
            chain.add(entity(EntityUid.of("E", "n" + i), EntityUid.of("E", "n" + (i + 1))));
        }
        Entities entities = Entities.of(chain);
        assertThat(entities.ancestors(EntityUid.of("E", "n0"))).hasSize(n).contains(EntityUid.of("E", "n" + n));
        chain.add(entity(EntityUid.of("E", "n" + n), EntityUid.of("E", "n0")));
        assertThatThrownBy(() -> Entities.of(chain)).isInstanceOf(CedarException.class).hasMessageContaining("cycle");
    }

    @Test
    void theEmptyStore() {
        assertThat(Entities.of(List.of())).isSameAs(Entities.EMPTY);
        assertThat(Entities.EMPTY.size()).isZero();
        assertThat(Entities.EMPTY.entity(A)).isNull();
        assertThat(Entities.EMPTY.ancestors(A)).isEmpty();
    }

    @Test
    void theStoreIsImmutable() {
        Entities entities = Entities.of(List.of(entity(A, B)));
        assertThatThrownBy(() -> entities.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entities.ancestors(A).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEntityWithAnAttributeNestedDeeperThanTheLimitCannotBeMade() {
        Value v = LongValue.of(1);
        for (int i = 2; i < Value.MAX_DEPTH; i++) {
            v = SetValue.of(List.of(v));
        }
        Value atTheLimit = v; // the attributes count as one more record level
        assertThat(new Entity(EntityUid.of("User", "a"), Map.of("a", atTheLimit), Set.of()).attributes()).hasSize(1);
        Value deeper = SetValue.of(List.of(v));
        assertThatThrownBy(() -> new Entity(EntityUid.of("User", "a"), Map.of(), Set.of(), Map.of("t", deeper)))
                .isInstanceOf(CedarException.class).hasMessageContaining("nested too deeply");
    }
}
