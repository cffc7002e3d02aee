package io.cedarwood.jakarta.servlet;

import java.util.Optional;

/** The CDI bean of a type when CDI is present and has exactly one; kept apart so that CDI stays optional. */
final class CdiBeans {
    private CdiBeans() {
    }

    static Optional<Object> lookup(Class<?> type) {
        try {
            return Lookup.get(type);
        } catch (NoClassDefFoundError | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static final class Lookup {
        static Optional<Object> get(Class<?> type) {
            jakarta.enterprise.inject.Instance<?> instance = jakarta.enterprise.inject.spi.CDI.current().select(type);
            return instance.isResolvable() ? Optional.of(instance.get()) : Optional.empty();
        }
    }
}
