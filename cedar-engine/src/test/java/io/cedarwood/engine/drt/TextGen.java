package io.cedarwood.engine.drt;

import java.util.ArrayList;
import java.util.List;

/**
 * The second generator: raw policy text straight from the surface grammar (every alternative spelling:
 * bracket and dot access, {@code has} with paths and strings, {@code is ... in}, method calls on any
 * receiver, namespaced names with odd spacing, escapes, comments, annotations, slots in odd places, the
 * operators Cedar does not have), and mutations of valid text at the token level.
 */
final class TextGen {
    private static final List<String> KEYWORDS = List.of("permit", "forbid", "when", "unless", "principal", "action",
            "resource", "context", "if", "then", "else", "true", "false", "in", "is", "like", "has", "__cedar");
    private static final List<String> SYMBOLS = List.of("==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "-", "+",
            "*", "/", "%", ".", ",", ";", ":", "::", "(", ")", "[", "]", "{", "}", "@", "?principal", "?resource",
            "?other", "=", "&", "|", "$", "#");
    private static final List<String> LITERALS = List.of("0", "1", "-1", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "01", "1.5", "0x1", "\"\"", "\"a\"", "\"\\*\"", "\"\\u{1F600}\"", "\"\\x41\"",
            "\"\\q\"", "\"\\u{110000}\"", "\"a\\\"b\"", "\"unterminated", "\"\\0\"", "\"\\'\"", "\"\u00fc\"",
            "\"line\nbreak\"", "\"\\u{d800}\"");
    private static final List<String> IDENTS = List.of("User", "Action", "A::B", "A :: B", "__cedar::ip", "ip",
            "decimal", "datetime", "duration", "foo", "_", "a1", "principal", "Ns::Action", "isEmpty", "contains",
            "getTag", "hasTag", "lessThan", "offset", "\u00fcser");
    private static final List<String> SPACE = List.of(" ", "\n", "\t", " // c\n", "/* c */", "\r\n", "\u00a0", "");
    private static final List<String> SCHEMA_WORDS = List.of("namespace", "entity", "action", "type", "appliesTo",
            "tags", "enum", "Set", "Bool", "Long", "String", "Boolean", "ipaddr", "decimal", "__cedar::Long",
            "principal", "resource", "context", "in", "=", "?", "<", ">", "{", "}", "[", "]", ";", ",", ":", "\"a\"",
            "@doc(\"x\")", "Record", "Entity", "Extension");

    private final Rng rng;

    TextGen(Rng rng) {
        this.rng = rng;
    }

    // ------------------------------------------------------------------------------------------- mutations

    /** Splits text into tokens: runs of identifier characters, strings, white space, and single symbols. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' && i + 1 < n ? 2 : 1;
                }
                i = Math.min(n, i + 1);
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                i += 2;
            } else {
                String two = i + 1 < n ? text.substring(i, i + 2) : "";
                i += List.of("==", "!=", "<=", ">=", "&&", "||", "::").contains(two) ? 2 : 1;
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    /** {@code text} with one to three token-level mutations. */
    String mutate(String text, boolean schema) {
        List<String> t = tokens(text);
        int n = rng.between(1, 3);
        for (int k = 0; k < n && !t.isEmpty(); k++) {
            int i = rng.below(t.size());
            switch (rng.below(7)) {
                case 0 -> t.remove(i);
                case 1 -> t.add(i, t.get(i));
                case 2 -> {
                    if (i + 1 < t.size()) {
                        String a = t.get(i);
                        t.set(i, t.get(i + 1));
                        t.set(i + 1, a);
                    }
                }
                case 3 -> t.set(i, vocabulary(schema));
                case 4 -> t.add(i, vocabulary(schema));
                case 5 -> t.add(i, rng.pick(SPACE));
                default -> {
                    // move a token elsewhere
                    String moved = t.remove(i);
                    t.add(rng.below(t.size() + 1), moved);
                }
            }
        }
        return String.join("", t);
    }

    private static final List<String> JSON_WORDS = List.of("{", "}", "[", "]", ",", ":", "\"type\"", "\"Record\"",
            "\"Set\"", "\"Long\"", "\"Entity\"", "\"EntityOrCommon\"", "\"Extension\"", "\"name\"",
            "\"element\"", "\"attributes\"", "\"required\"", "true", "false", "null", "1", "\"\"", "\"ipaddr\"",
            "\"memberOfTypes\"", "\"shape\"", "\"tags\"", "\"enum\"", "\"appliesTo\"", "\"principalTypes\"",
            "\"resourceTypes\"", "\"context\"", "\"memberOf\"", "\"id\"", "\"commonTypes\"", "\"entityTypes\"",
            "\"actions\"", "\"annotations\"", "\"additionalAttributes\"", "\"__cedar::String\"", "\"A::B\"",
            "\"Bool\"", "\"Boolean\"", "\"String\"", "\"User\"");

    private static final List<String> ENTITY_WORDS = List.of("{", "}", "[", "]", ",", ":", "\"uid\"", "\"attrs\"",
            "\"parents\"", "\"tags\"", "\"type\"", "\"id\"", "\"__entity\"", "\"__extn\"", "\"__expr\"", "\"fn\"",
            "\"arg\"", "\"args\"", "\"decimal\"", "\"ip\"", "\"offset\"", "\"1.5\"", "\"10.0.0.1\"", "\"Action\"",
            "\"A::B\"", "\"\"", "\"\\u00fc\"", "\"\\ud83d\\ude00\"", "true", "false", "null", "0", "-1",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "-0", "1.0", "1e2", "01");

    /** Entities JSON text with one to three token-level mutations from an entities vocabulary. */
    String mutateEntities(String json) {
        return mutateJson(json, ENTITY_WORDS);
    }

    /** JSON text with one to three token-level mutations from a JSON schema vocabulary. */
    String mutateJson(String json) {
        return mutateJson(json, JSON_WORDS);
    }

    private String mutateJson(String json, List<String> words) {
        List<String> t = tokens(json);
        int n = rng.between(1, 3);
        for (int k = 0; k < n && !t.isEmpty(); k++) {
            int i = rng.below(t.size());
            switch (rng.below(5)) {
                case 0 -> t.remove(i);
                case 1 -> t.add(i, t.get(i));
                case 2 -> t.set(i, rng.pick(words));
                case 3 -> t.add(i, rng.pick(words));
                default -> {
                    String moved = t.remove(i);
                    t.add(rng.below(t.size() + 1), moved);
                }
            }
        }
        return String.join("", t);
    }

    private String vocabulary(boolean schema) {
        if (schema && rng.chance(0.6)) {
            return rng.pick(SCHEMA_WORDS);
        }
        return switch (rng.below(4)) {
            case 0 -> rng.pick(KEYWORDS);
            case 1 -> rng.pick(SYMBOLS);
            case 2 -> rng.pick(LITERALS);
            default -> rng.pick(IDENTS);
        };
    }

    // ------------------------------------------------------------------------------------------- raw text

    /** One to three policies written straight from the grammar, with all its alternative spellings. */
    String rawPolicies() {
        StringBuilder out = new StringBuilder();
        int n = rng.between(1, 3);
        for (int i = 0; i < n; i++) {
            out.append(rawPolicy()).append(rng.pick("\n", "\n\n", " ", ""));
        }
        return out.toString();
    }

    private String rawPolicy() {
        StringBuilder out = new StringBuilder();
        int annotations = rng.weighted(6, 2, 1);
        for (int i = 0; i < annotations; i++) {
            out.append('@').append(rng.pick("id", "advice", "if", "x", "id", "a1")).append(
                    rng.pick("(\"a\")", "(\"\")", "", "(\"\\u{1F600}\")", "(a)", "()")).append(sp());
        }
        out.append(rng.pick("permit", "permit", "forbid", "Permit", "allow")).append(sp()).append('(');
        out.append(scopeVar("principal", "?principal")).append(',').append(sp());
        out.append(actionScope()).append(',').append(sp());
        out.append(scopeVar("resource", "?resource"));
        if (rng.chance(0.03)) {
            out.append(", context");
        }
        out.append(')');
        int conds = rng.weighted(2, 4, 2, 1);
        for (int i = 0; i < conds; i++) {
            out.append(sp()).append(rng.chance(0.75) ? "when" : rng.pick("unless", "where")).append(sp())
                    .append('{').append(sp()).append(rng.chance(0.03) ? "" : expr(3)).append(sp()).append('}');
        }
        out.append(rng.chance(0.97) ? ";" : "");
        return out.toString();
    }

    private String sp() {
        return rng.chance(0.8) ? " " : rng.pick(SPACE);
    }

    private String scopeVar(String var, String slot) {
        String ref = rng.chance(0.2) ? slot : uid();
        return switch (rng.weighted(4, 2, 2, 2, 1, 1)) {
            case 0 -> var;
            case 1 -> var + " == " + ref;
            case 2 -> var + " in " + ref;
            case 3 -> var + " is " + name();
            case 4 -> var + " is " + name() + " in " + ref;
            default -> var + rng.pick(" in [" + uid() + "]", " == " + name(), " is " + uid(), " like \"a\"",
                    " has a", " in " + slot + " is A", " != " + uid());
        };
    }

    private String actionScope() {
        return switch (rng.weighted(3, 2, 2, 2, 1)) {
            case 0 -> "action";
            case 1 -> "action == " + actionUid();
            case 2 -> "action in " + actionUid();
            case 3 -> {
                StringBuilder b = new StringBuilder("action in [");
                int n = rng.between(0, 3);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? ", " : "").append(actionUid());
                }
                yield b.append(rng.chance(0.1) ? ",]" : "]").toString();
            }
            default -> "action" + rng.pick(" is Action", " == ?principal", " in ?resource", " == " + uid(),
                    " is Action in " + actionUid(), " in [" + uid() + "]");
        };
    }

    private String actionUid() {
        return rng.pick("Action", "Action", "NS::Action", "A::B::Action", "Foo") + "::" + quoted();
    }

    private String uid() {
        return name() + rng.pick("::", "::", " :: ", "::\n") + quoted();
    }

    private String name() {
        return rng.pick("User", "Group", "A::B", "NS::User", "__cedar::User", "Action", "if", "_", "User::Group",
                "principal", "Photo");
    }

    private String quoted() {
        return rng.pick("\"alice\"", "\"\"", "\"a\\\"b\"", "\"\\u{1F600}\"", "\"\\*\"", "\"\\q\"", "\"\u00fc\"");
    }

    private String expr(int depth) {
        if (depth <= 0) {
            return primary(0);
        }
        return switch (rng.weighted(5, 2, 2, 2, 1, 1, 1)) {
            case 0 -> primary(depth);
            case 1 -> expr(depth - 1) + sp() + rng.pick("==", "!=", "<", "<=", ">", ">=", "in", "&&", "||", "+", "-",
                    "*", "/", "%", "like", "=") + sp() + expr(depth - 1);
            case 2 -> rng.pick("!", "-", "!!", "--", "- ", "!-") + expr(depth - 1);
            case 3 -> "if " + expr(depth - 1) + " then " + expr(depth - 1) + (rng.chance(0.95) ? " else " + expr(depth - 1) : "");
            case 4 -> expr(depth - 1) + " has " + rng.pick("a", "a.b", "a.b.c", "\"a\"", "\"a b\"", "if", "principal",
                    "a[\"b\"]", "1");
            case 5 -> expr(depth - 1) + " is " + name() + (rng.chance(0.4) ? " in " + expr(depth - 1) : "");
            default -> expr(depth - 1) + " like " + rng.pick("\"a*\"", "\"\\*\"", "\"*\\**\"", "\"\"", "\"\\u{1F600}*\"",
                    "a", "\"\\q\"");
        };
    }

    private String primary(int depth) {
        String base = switch (rng.weighted(3, 3, 2, 2, 1, 1, 1, 1)) {
            case 0 -> rng.pick(LITERALS);
            case 1 -> rng.pick("principal", "action", "resource", "context", "true", "false", "?principal", "foo");
            case 2 -> uid();
            case 3 -> rng.pick("ip", "decimal", "datetime", "duration", "__cedar::ip", "foo", "isIpv4", "A::ip")
                    + "(" + args(depth) + ")";
            case 4 -> "[" + args(depth) + (rng.chance(0.1) ? ",]" : "]");
            case 5 -> {
                StringBuilder b = new StringBuilder("{");
                int n = rng.between(0, 3);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? ", " : "").append(rng.pick("a", "\"b\"", "if", "principal", "\"\"", "1", "a::b"))
                            .append(": ").append(depth > 0 ? expr(depth - 1) : rng.pick(LITERALS));
                }
                yield b.append(rng.chance(0.1) ? ",}" : "}").toString();
            }
            case 6 -> "(" + (depth > 0 ? expr(depth - 1) : "1") + ")";
            default -> rng.pick(IDENTS);
        };
        int accessors = rng.weighted(5, 3, 1);
        StringBuilder out = new StringBuilder(base);
        for (int i = 0; i < accessors; i++) {
            out.append(switch (rng.below(4)) {
                case 0 -> "." + rng.pick("a", "b", "if", "principal", "isEmpty", "foo", "a1", "__cedar");
                case 1 -> "[" + rng.pick("\"a\"", "\"\"", "\"x y\"", "1", "a", "\"\\u{1F600}\"") + "]";
                case 2 -> "." + rng.pick("contains", "containsAll", "containsAny", "isEmpty", "getTag", "hasTag",
                        "isIpv4", "isInRange", "lessThan", "offset", "toDays", "foo", "ip") + "(" + args(depth - 1) + ")";
                default -> "." + rng.pick("a", "b") + rng.pick("", "()");
            });
        }
        return out.toString();
    }

    private String args(int depth) {
        int n = rng.weighted(2, 4, 2, 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(depth > 0 ? expr(depth - 1) : rng.pick(LITERALS));
        }
        return b.toString();
    }
}
