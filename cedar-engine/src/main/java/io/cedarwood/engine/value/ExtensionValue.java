package io.cedarwood.engine.value;

/**
 * A value of one of Cedar's extension types. Each is a record in this package; its parsing follows the
 * reference's rules exactly and lives beside it.
 */
public sealed interface ExtensionValue extends Value
        permits DecimalValue, IpAddrValue, DatetimeValue, DurationValue {

    /** The extension type name: {@code decimal}, {@code ipaddr}, {@code datetime} or {@code duration}. */
    @Override
    String typeName();
}
