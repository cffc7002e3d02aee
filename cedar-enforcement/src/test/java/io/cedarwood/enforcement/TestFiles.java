package io.cedarwood.enforcement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy locations held in memory, changed by the test; {@link #failWith} makes the next reads throw. */
final class TestFiles implements PolicyLocations {
    final Map<String, String> policies = new LinkedHashMap<>();
    String schema;
    Throwable failure;

    TestFiles policy(String name, String text) {
        policies.put(name, text);
        return this;
    }

    TestFiles failWith(Throwable failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public List<PolicySource> policies() {
        if (failure != null) {
            sneaky(failure);
        }
        List<PolicySource> out = new ArrayList<>();
        policies.forEach((k, v) -> out.add(new PolicySource(k, v)));
        return out;
    }

    @Override
    public Optional<PolicySource> schema() {
        return Optional.ofNullable(schema).map(s -> new PolicySource("schema.cedarschema", s));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
