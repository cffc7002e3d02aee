package io.cedarwood.engine.value;

import java.util.Set;

/** Cedar's rules for identifiers and names ({@code Ns::Type}). */
public final class Names {
    /** Words that cannot be identifiers in names (they may still be attribute names). */
    public static final Set<String> RESERVED = Set.of(
            "true", "false", "if", "then", "else", "in", "is", "like", "has", "__cedar");

    private Names() {
    }

    /** Whether {@code s} matches {@code [_a-zA-Z][_a-zA-Z0-9]*}. */
    public static boolean isIdentifierShaped(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} can be one segment of a name: identifier-shaped and not reserved. */
    public static boolean isIdentifier(String s) {
        return isIdentifierShaped(s) && !RESERVED.contains(s);
    }

    /**
     * Whether {@code s} is a valid name such as {@code User} or {@code A::B::User}: segments are
     * identifiers joined by {@code ::} with no white space. The {@code __cedar} namespace is allowed as
     * the first segment only when {@code allowCedarNamespace} is set.
     */
    public static boolean isName(String s, boolean allowCedarNamespace) {
        String[] parts = s.split("::", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean ok = isIdentifier(part) || (allowCedarNamespace && i == 0 && parts.length > 1 && part.equals("__cedar"));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
