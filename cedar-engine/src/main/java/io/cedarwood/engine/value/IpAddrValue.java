package io.cedarwood.engine.value;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A Cedar {@code ipaddr}: an IPv4 or IPv6 address with a prefix length (a single address has the full
 * prefix length, 32 or 128). Equality compares the family, the address bits as written and the prefix,
 * as the reference does: {@code ip("10.0.0.1/24") != ip("10.0.0.0/24")} although both name the same
 * network.
 */
public record IpAddrValue(boolean ipv6, BigInteger address, int prefixLength) implements ExtensionValue {
    private static final int V4_BITS = 32;
    private static final int V6_BITS = 128;
    /** The longest text the reference accepts: {@code ABCD:EF01:2345:6789:ABCD:EF01:2345:6789/128}. */
    private static final int MAX_TEXT_LENGTH = 43;

    public IpAddrValue {
        Objects.requireNonNull(address, "address");
        int bits = ipv6 ? V6_BITS : V4_BITS;
        if (address.signum() < 0 || address.bitLength() > bits) {
            throw new IllegalArgumentException("address does not fit in " + bits + " bits");
        }
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 0.." + bits);
        }
    }

    /**
     * Parses an address or a CIDR range the way the reference does: IPv4 as four decimal octets without
     * leading zeros; IPv6 as eight groups of one to four hex digits, or fewer with one {@code ::} standing
     * for at least one zero group; an optional {@code /prefix} (decimal, no leading zeros, at most 32 or
     * 128). IPv4 embedded in IPv6 ({@code ::ffff:1.2.3.4}) is rejected; write it in hex instead.
     *
     * @throws EvaluationException of kind {@code EXTENSION_ERROR} when {@code s} is not such an address
     */
    public static IpAddrValue parse(String s) {
        if (s.length() > MAX_TEXT_LENGTH) {
            throw error("error parsing IP address from string `" + s + "`: string length is too large");
        }
        if (count(s, ':') >= 2 && count(s, '.') >= 2) {
            throw error("error parsing IP address from string: IPv4 embedded in IPv6 (e.g., ::ffff:127.0.0.1) is "
                    + "not accepted, found `" + s + "`");
        }
        int slash = s.indexOf('/');
        String addressText = slash < 0 ? s : s.substring(0, slash);
        BigInteger v4 = parseV4(addressText);
        BigInteger v6 = v4 == null ? parseV6(addressText) : null;
        if (v4 == null && v6 == null) {
            throw error(slash < 0
                    ? "invalid IP address `" + s + "`"
                    : "error parsing IP address from the string `" + addressText + "`: invalid IP address syntax");
        }
        boolean isV6 = v6 != null;
        int bits = isV6 ? V6_BITS : V4_BITS;
        int prefix = slash < 0 ? bits : parsePrefix(s.substring(slash + 1), bits);
        return new IpAddrValue(isV6, isV6 ? v6 : v4, prefix);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static int parsePrefix(String s, int max) {
        int maxLength = max == V4_BITS ? 2 : 3;
        if (s.length() > maxLength) {
            throw error("error parsing prefix `" + s + "`: string length " + s.length() + " is too large");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw error("error parsing prefix `" + s + "`: encountered non-digit");
            }
        }
        if (s.startsWith("0") && !s.equals("0")) {
            throw error("error parsing prefix `" + s + "`: leading zero(s)");
        }
        if (s.isEmpty()) {
            throw error("error parsing prefix: nothing follows `/`");
        }
        int prefix = Integer.parseInt(s);
        if (prefix > max) {
            throw error("error parsing prefix `" + s + "`: larger than the limit " + max);
        }
        return prefix;
    }

    /** Four dot-separated decimal octets, each 1-3 digits, no leading zero, at most 255; null otherwise. */
    private static BigInteger parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                octet = octet * 10 + (c - '0');
            }
            if (octet > 255) {
                return null;
            }
            value = (value << 8) | octet;
        }
        return BigInteger.valueOf(value);
    }

    /**
     * Colon-separated groups of 1-4 hex digits: exactly eight, or at most seven around a single {@code ::}
     * (which stands for at least one zero group); null otherwise.
     */
    private static BigInteger parseV6(String s) {
        int gap = s.indexOf("::");
        int[] groups = new int[8];
        if (gap < 0) {
            int n = parseGroups(s, groups);
            return n == 8 ? toBigInteger(groups) : null;
        }
        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount = parseGroups(s.substring(0, gap), head);
        int tailCount = parseGroups(s.substring(gap + 2), tail);
        if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
            return null;
        }
        System.arraycopy(head, 0, groups, 0, headCount);
        System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
        return toBigInteger(groups);
    }

    /** Parses colon-separated hex groups into {@code out}; the number read, or -1 when malformed or too many. */
    private static int parseGroups(String s, int[] out) {
        if (s.isEmpty()) {
            return 0;
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 8) {
            return -1;
        }
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (part.isEmpty() || part.length() > 4) {
                return -1;
            }
            int group = 0;
            for (int i = 0; i < part.length(); i++) {
                int digit = hexDigit(part.charAt(i));
                if (digit < 0) {
                    return -1;
                }
                group = group * 16 + digit;
            }
            out[p] = group;
        }
        return parts.length;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static BigInteger toBigInteger(int[] groups) {
        BigInteger value = BigInteger.ZERO;
        for (int g : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return value;
    }

    private static EvaluationException error(String message) {
        return new EvaluationException(EvaluationException.Kind.EXTENSION_ERROR,
                "error while evaluating `ipaddr` extension function: " + message);
    }

    private int bits() {
        return ipv6 ? V6_BITS : V4_BITS;
    }

    public boolean isIpv4() {
        return !ipv6;
    }

    public boolean isIpv6() {
        return ipv6;
    }

    /** Whether this range lies within the loopback range: {@code 127.0.0.0/8} for IPv4, {@code ::1} for IPv6. */
    public boolean isLoopback() {
        return ipv6
                ? address.equals(BigInteger.ONE) && prefixLength == V6_BITS
                : (address.longValue() >>> 24) == 127 && prefixLength >= 8;
    }

    /** Whether this range lies within the multicast range: {@code 224.0.0.0/4} for IPv4, {@code ff00::/8} for IPv6. */
    public boolean isMulticast() {
        return ipv6
                ? address.shiftRight(120).intValue() == 0xff && prefixLength >= 8
                : (address.longValue() >>> 28) == 0xe && prefixLength >= 4;
    }

    /**
     * Whether every address of this range lies in {@code range} (a single address is a range of one). An
     * IPv4 value is never in an IPv6 range or the other way round.
     */
    public boolean isInRange(IpAddrValue range) {
        if (ipv6 != range.ipv6) {
            return false;
        }
        if (!ipv6) {
            // 32 bits fit in a long: the same comparison without a BigInteger
            long host = (1L << (V4_BITS - prefixLength)) - 1;
            long rangeHost = (1L << (V4_BITS - range.prefixLength)) - 1;
            long a = address.longValue();
            long r = range.address.longValue();
            return (r & ~rangeHost) <= (a & ~host) && (a | host) <= (r | rangeHost);
        }
        return range.network().compareTo(network()) <= 0 && broadcast().compareTo(range.broadcast()) <= 0;
    }

    /** The lowest address of the range: the address with its host bits cleared. */
    private BigInteger network() {
        int hostBits = bits() - prefixLength;
        return address.shiftRight(hostBits).shiftLeft(hostBits);
    }

    /** The highest address of the range: the address with its host bits set. */
    private BigInteger broadcast() {
        int hostBits = bits() - prefixLength;
        return address.or(BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE));
    }

    @Override
    public String typeName() {
        return "ipaddr";
    }

    @Override
    public String toCedar() {
        return "ip(" + CedarStrings.quote(toString()) + ")";
    }

    /**
     * The address in its usual text form (IPv6 as RFC 5952 recommends: lower case, the longest run of zero
     * groups shortened to {@code ::}), followed by {@code /prefix} unless it covers the whole address.
     */
    @Override
    public String toString() {
        String text = ipv6 ? formatV6() : formatV4();
        return prefixLength == bits() ? text : text + "/" + prefixLength;
    }

    private String formatV4() {
        long v = address.longValue();
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    private String formatV6() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        // the longest run of two or more zero groups (the first one on a tie) becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
