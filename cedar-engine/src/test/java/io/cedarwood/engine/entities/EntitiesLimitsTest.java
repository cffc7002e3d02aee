package io.cedarwood.engine.entities;

import io.cedarwood.engine.value.EntityUid;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store stays linear in its input however long its chains of parents (the build runs this class with
 * a 256 MiB heap: see docs/limits.md).
 */
class EntitiesLimitsTest {

    private static EntityUid group(int i) {
        return EntityUid.of("Group", String.valueOf(i));
    }

    @Test
    void aChainOfTenThousandParentsFitsInASmallHeap() {
        // kept whole, these ancestors would be 50 million pairs (3.3 GB)
        int n = 10_000;
        List<Entity> chain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chain.add(new Entity(group(i), Map.of(), i + 1 < n ? Set.of(group(i + 1)) : Set.of()));
        }
        Entities entities = Entities.of(chain);

        assertThat(entities.ancestors(group(0))).hasSize(n - 1).contains(group(1), group(n - 1));
        assertThat(entities.ancestors(group(n - 2))).containsExactly(group(n - 1));
        assertThat(entities.ancestors(group(n - 1))).isEmpty();
        for (int i = 0; i < n; i += 97) {
            assertThat(entities.ancestors(group(i))).hasSize(n - 1 - i).doesNotContain(group(i));
        }
    }

    @Test
    void ancestorsAreEveryEntityReachableByParentsOnRandomHierarchies() {
        Random random = new Random(19);
        for (int round = 0; round < 40; round++) {
            int n = 20 + random.nextInt(300);
            List<Entity> list = new ArrayList<>();
            Map<EntityUid, Set<EntityUid>> parents = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Set<EntityUid> ps = new LinkedHashSet<>();
                int count = i + 1 < n ? 1 + random.nextInt(3) : 0;
                for (int k = 0; k < count; k++) {
                    // parents further along, and now and then one outside the store
                    int p = i + 1 + random.nextInt(Math.min(n - i - 1, 1 + random.nextInt(8)));
                    ps.add(random.nextInt(20) == 0 ? EntityUid.of("Absent", String.valueOf(p)) : group(p));
                }
                parents.put(group(i), ps);
                list.add(new Entity(group(i), Map.of(), ps));
            }
            java.util.Collections.shuffle(list, random);
            Entities entities = Entities.of(list);
            for (int i = 0; i < n; i++) {
                assertThat(entities.ancestors(group(i))).as("round %d, entity %d", round, i)
                        .containsExactlyInAnyOrderElementsOf(reachable(group(i), parents));
            }
        }
    }

    private static Set<EntityUid> reachable(EntityUid from, Map<EntityUid, Set<EntityUid>> parents) {
        Set<EntityUid> seen = new LinkedHashSet<>();
        Deque<EntityUid> todo = new ArrayDeque<>(parents.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            EntityUid u = todo.pop();
            if (seen.add(u)) {
                todo.addAll(parents.getOrDefault(u, Set.of()));
            }
        }
        return seen;
    }
}
