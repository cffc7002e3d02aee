package io.cedarwood.engine.drt;

import java.util.List;

/**
 * The small pools of constants every generator draws from, so that two independently generated values
 * are often equal, patterns often match, and edge cases (overflow bounds, invalid extension strings) come up.
 */
final class Pool {
    private Pool() {
    }

    static final List<Long> LONGS = List.of(0L, 1L, -1L, 2L, 3L, 7L, 42L, 1000L, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MAX_VALUE - 1, 4611686018427387904L, -4611686018427387905L, 86400000L);

    static final List<String> STRINGS = List.of("", "a", "b", "ab", "abc", "alice", "*", "a*b", "\u00fcn\u00ef",
            "x y", "\"", "\\", "\n", "\0", new String(Character.toChars(0x1F600)),
            "A", "ABC", "10.0.0.1", "1.5");

    /** Entity ids: some clash across types, some need escaping. */
    static final List<String> IDS = List.of("alice", "bob", "a", "b", "", "0", "x\"y", "\u00fcn\u00ef", "a b",
            "admin");

    /** Attribute and tag names; some need quoting, some are reserved words. */
    static final List<String> ATTRS = List.of("a", "b", "c", "name", "age", "owner", "level", "when", "x y", "",
            "if", "is", "tags", "__cedar", "n0");

    static final List<String> DECIMALS = List.of("0.0", "1.5", "-1.5", "1.5000", "2.25", "0.0001", "-0.0001",
            "922337203685477.5807", "-922337203685477.5808", "100.0", "3.1415");
    static final List<String> BAD_DECIMALS = List.of("1.23456", "abc", "1", ".5", "922337203685477.5808", "1.");

    static final List<String> IPS = List.of("10.0.0.1", "10.0.0.0/8", "127.0.0.1", "127.0.0.0/8", "::1", "ff02::1",
            "192.168.1.1/24", "224.0.0.1", "0.0.0.0/0", "::/0", "2001:db8::/32", "2001:db8::1",
            "255.255.255.255");
    static final List<String> BAD_IPS = List.of("1.2.3", "10.0.0.1/33", "::1/129", "01.2.3.4", "hello", "1:2:3", "::ffff:10.0.0.1");

    static final List<String> DATETIMES = List.of("1970-01-01", "2024-10-15", "2024-10-15T11:35:00Z",
            "2024-10-15T11:35:00.123Z", "2024-10-15T11:35:00+0100", "2024-10-15T11:35:00.999-2359", "2024-02-29",
            "1969-12-31T23:59:59Z", "0001-01-01", "9999-12-31T23:59:59.999Z");
    static final List<String> BAD_DATETIMES = List.of("2024-13-01", "2024-02-30", "2024-1-01", "24-01-01",
            "2024-10-15T25:00:00Z", "2024-10-15T11:35:00", "2024-10-15 11:35:00Z");

    static final List<String> DURATIONS = List.of("0ms", "1ms", "-1ms", "1d", "2h30m", "1d2h3m4s5ms", "-3h",
            "90000ms", "1h", "9223372036854775807ms", "-9223372036854775808ms", "106751991167d");
    static final List<String> BAD_DURATIONS = List.of("1x", "", "1m1h", "d", "1.5h", "9223372036854775808ms",
            "106751991168d");

    static final List<String> EXTENSION_TYPES = List.of("ipaddr", "decimal", "datetime", "duration");

    /** The valid constructor arguments for an extension type. */
    static List<String> valid(String extensionType) {
        return switch (extensionType) {
            case "ipaddr" -> IPS;
            case "decimal" -> DECIMALS;
            case "datetime" -> DATETIMES;
            case "duration" -> DURATIONS;
            default -> throw new IllegalArgumentException(extensionType);
        };
    }

    static List<String> invalid(String extensionType) {
        return switch (extensionType) {
            case "ipaddr" -> BAD_IPS;
            case "decimal" -> BAD_DECIMALS;
            case "datetime" -> BAD_DATETIMES;
            case "duration" -> BAD_DURATIONS;
            default -> throw new IllegalArgumentException(extensionType);
        };
    }

    /** The constructor function of an extension type. */
    static String constructor(String extensionType) {
        return extensionType.equals("ipaddr") ? "ip" : extensionType;
    }
}
