package io.cedarwood.analysis;

import io.cedarwood.engine.value.EntityType;

/** The static type of a symbolic value: what the encoding knows of a Cedar expression's value. */
sealed interface SymType {
    record Bool() implements SymType {
    }

    record Long() implements SymType {
    }

    record Str() implements SymType {
    }

    record Entity(EntityType type) implements SymType {
    }

    /** An extension type kept as a 64-bit number: {@code decimal} (ten-thousandths), {@code datetime} and
     * {@code duration} (milliseconds). */
    record Ext(String name) implements SymType {
    }

    /** A set of {@code element}s; {@code element} is null for the empty set literal, whose type is open. */
    record SetOf(SymType element) implements SymType {
    }

    Bool BOOL = new Bool();
    Long LONG = new Long();
    Str STRING = new Str();
}
