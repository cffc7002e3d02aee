package io.cedarwood.engine.value;

/**
 * A Cedar value. Values are immutable and compare structurally: two values of different types are
 * never equal. Values carry no source locations.
 */
public sealed interface Value
        permits BoolValue, LongValue, StringValue, EntityUid, SetValue, RecordValue, ExtensionValue {

    /** The value's type as Cedar names it in messages: {@code bool}, {@code long}, {@code string}, ... */
    String typeName();

    /** This value written as a Cedar expression that evaluates to it. */
    String toCedar();
}
