package io.cedarwood.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Engine-neutral inputs: the generators build these once, and {@link Cedarwood} and {@link CedarJava}
 * translate them into each engine's own types, so that both engines answer exactly the same requests.
 * Attribute values are {@code Long}, {@code String}, {@code Boolean}, {@link Uid}, {@link Ext}, {@code List} (a set) or
 * {@code Map} (a record).
 */
final class Model {
    private Model() {
    }

    record Uid(String type, String id) {
        static Uid of(String type, String id) {
            return new Uid(type, id);
        }

        @Override
        public String toString() {
            return type + "::\"" + id + "\"";
        }
    }

    /** An extension value, {@code fn(arg)}: {@code ip}, {@code decimal}, {@code datetime} or {@code duration}. */
    record Ext(String fn, String arg) {
    }

    record Ent(Uid uid, Map<String, Object> attrs, List<Uid> parents) {
    }

    record Req(Uid principal, Uid action, Uid resource, Map<String, Object> context) {
    }

    /** One request with the entities it is evaluated against. */
    record Case(Req request, List<Ent> entities) {
    }
}
