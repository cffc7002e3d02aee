package io.cedarwood.engine.value;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A Cedar {@code ipaddr}: an IPv4 or IPv6 address with a prefix length (a single address has the full
 * prefix length, 32 or 128). Equality compares the family, the address bits as written and the prefix.
 */
public record IpAddrValue(boolean ipv6, BigInteger address, int prefixLength) implements ExtensionValue {
    public IpAddrValue {
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String typeName() {
        return "ipaddr";
    }

    @Override
    public String toCedar() {
        return "ip(" + CedarStrings.quote(toString()) + ")";
    }
}
