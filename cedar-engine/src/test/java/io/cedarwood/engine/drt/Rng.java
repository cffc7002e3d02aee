package io.cedarwood.engine.drt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded source of choices for the generators; the same seed gives the same choices. */
final class Rng {
    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A seed for case {@code index} of target {@code target} in a run with seed {@code runSeed}. */
    static long caseSeed(long runSeed, int target, long index) {
        return new SplittableRandom(runSeed ^ (0x9E3779B97F4A7C15L * (target + 1))).split().nextLong() ^ mix(index);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A number in {@code [0, bound)}. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A number in {@code [min, max]}. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** Some of {@code items} (each kept with probability {@code p}), in their order. */
    <T> List<T> some(Collection<T> items, double p) {
        List<T> out = new ArrayList<>();
        for (T t : items) {
            if (chance(p)) {
                out.add(t);
            }
        }
        return out;
    }

    /** An index chosen by weight. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
