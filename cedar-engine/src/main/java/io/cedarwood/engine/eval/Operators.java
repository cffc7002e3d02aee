package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.Arrays;
import java.util.List;

/**
 * What Cedar's operators do with values that need no entity store: the {@code apply₁} and most of the
 * {@code apply₂} of the Lean model, with the reference's type errors and overflow checks.
 */
final class Operators {
    private Operators() {
    }

    // ---- unary operators ----

    static Value unary(UnaryOp op, Value v) {
        return switch (op) {
            case NOT -> BoolValue.of(!asBool(v));
            case NEG -> {
                long i = asLong(v);
                if (i == Long.MIN_VALUE) {
                    throw overflow("integer overflow while attempting to negate the value `" + v.toCedar() + "`");
                }
                yield LongValue.of(-i);
            }
            case IS_EMPTY -> BoolValue.of(asSet(v).size() == 0);
        };
    }

    // ---- binary operators on values alone (not `in`, `getTag`, `hasTag`) ----

    /** {@code ==}: structural equality; values of different types are unequal, never an error. */
    static BoolValue equal(Value left, Value right) {
        return BoolValue.of(left.equals(right));
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=} on two longs, two datetimes or two durations. */
    static BoolValue compare(BinaryOp op, Value left, Value right) {
        int c;
        if (left instanceof LongValue l && right instanceof LongValue r) {
            c = Long.compare(l.value(), r.value());
        } else if (left instanceof DatetimeValue l && right instanceof DatetimeValue r) {
            c = l.compareTo(r);
        } else if (left instanceof DurationValue l && right instanceof DurationValue r) {
            c = l.compareTo(r);
        } else {
            throw comparisonTypeError(left, right);
        }
        return BoolValue.of(switch (op) {
            case LESS -> c < 0;
            case LESS_EQ -> c <= 0;
            case GREATER -> c > 0;
            case GREATER_EQ -> c >= 0;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        });
    }

    /** The reference's choice of type error for a comparison: blame the operand that does not match the other. */
    private static EvaluationException comparisonTypeError(Value left, Value right) {
        if (left instanceof LongValue) {
            return typeError("long", right);
        } else if (right instanceof LongValue) {
            return typeError("long", left);
        } else if (left instanceof DatetimeValue || left instanceof DurationValue) {
            return typeError(left.typeName(), right);
        } else if (right instanceof DatetimeValue || right instanceof DurationValue) {
            return typeError(right.typeName(), left);
        }
        return new EvaluationException(EvaluationException.Kind.TYPE_ERROR,
                "type error: expected one of [long, datetime, duration], got " + left.typeName()
                        + " (only types long, datetime, duration support comparison)");
    }

    /** {@code +}, {@code -}, {@code *} on longs, with overflow an error. */
    static LongValue arithmetic(BinaryOp op, Value left, Value right) {
        long l = asLong(left);
        long r = asLong(right);
        try {
            return LongValue.of(switch (op) {
                case ADD -> Math.addExact(l, r);
                case SUB -> Math.subtractExact(l, r);
                case MUL -> Math.multiplyExact(l, r);
                default -> throw new IllegalArgumentException("not arithmetic: " + op);
            });
        } catch (ArithmeticException e) {
            String verb = switch (op) {
                case ADD -> "add";
                case SUB -> "subtract";
                default -> "multiply";
            };
            throw overflow("integer overflow while attempting to " + verb + " the values `" + left.toCedar()
                    + "` and `" + right.toCedar() + "`");
        }
    }

    /** {@code s.contains(v)}: any value may be looked for. */
    static BoolValue contains(Value set, Value element) {
        return BoolValue.of(asSet(set).contains(element));
    }

    /** {@code a.containsAll(b)}: every element of {@code b} is in {@code a}. */
    static BoolValue containsAll(Value left, Value right) {
        SetValue a = asSet(left);
        SetValue b = asSet(right);
        return BoolValue.of(a.elements().containsAll(b.elements()));
    }

    /** {@code a.containsAny(b)}: some element of {@code b} is in {@code a}. */
    static BoolValue containsAny(Value left, Value right) {
        SetValue a = asSet(left);
        SetValue b = asSet(right);
        SetValue small = a.size() <= b.size() ? a : b;
        SetValue large = small == a ? b : a;
        for (Value v : small.elements()) {
            if (large.contains(v)) {
                return BoolValue.TRUE;
            }
        }
        return BoolValue.FALSE;
    }

    // ---- like ----

    /**
     * Whether {@code text} matches {@code pattern}, code point by code point, a wildcard matching any
     * sequence. Linear in {@code |text| + |pattern|}: the text before the first wildcard must be a prefix,
     * the text after the last one a suffix, and each piece in between is matched at its leftmost
     * occurrence after the previous piece (a Knuth-Morris-Pratt search), since any later occurrence would
     * leave less text for the pieces that follow.
     */
    static boolean like(String text, Pattern pattern) {
        return like(text, flatten(pattern));
    }

    /**
     * {@link #like(String, int[])} without copying the text, where that is simple: a text without
     * surrogates (each char a code point) and a pattern with nothing between its first and last wildcard
     * but wildcards ({@code "abc"}, {@code "a*"}, {@code "*@example.com"}, {@code "a*z"}). 1 for a match,
     * 0 for none, -1 when it does not apply.
     */
    private static int likeWithoutMiddle(String text, int[] p) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return -1;
            }
        }
        int firstStar = indexOf(p, WILDCARD, 0);
        if (firstStar < 0) {
            return p.length == n && matches(text, 0, p, 0, n) ? 1 : 0;
        }
        int lastStar = lastIndexOf(p, WILDCARD);
        for (int k = firstStar; k <= lastStar; k++) {
            if (p[k] != WILDCARD) {
                return -1;
            }
        }
        int suffix = p.length - lastStar - 1;
        return firstStar + suffix <= n && matches(text, 0, p, 0, firstStar)
                && matches(text, n - suffix, p, lastStar + 1, suffix) ? 1 : 0;
    }

    /** Whether the {@code count} chars of {@code text} from {@code from} are the code points of {@code p} from {@code pFrom}. */
    private static boolean matches(String text, int from, int[] p, int pFrom, int count) {
        for (int i = 0; i < count; i++) {
            if (text.charAt(from + i) != p[pFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /** The code points of {@code text}, without a stream. */
    private static int[] codePoints(String text) {
        int[] out = new int[text.codePointCount(0, text.length())];
        for (int i = 0, n = 0; i < text.length(); n++) {
            int c = text.codePointAt(i);
            out[n] = c;
            i += Character.charCount(c);
        }
        return out;
    }

    /** {@link #like(String, Pattern)} with the pattern already {@linkplain #flatten flattened}. */
    static boolean like(String text, int[] p) {
        int quick = likeWithoutMiddle(text, p);
        if (quick >= 0) {
            return quick == 1;
        }
        int[] t = codePoints(text);
        int firstStar = indexOf(p, WILDCARD, 0);
        if (firstStar < 0) {
            return Arrays.equals(t, p);
        }
        int lastStar = lastIndexOf(p, WILDCARD);
        int suffix = p.length - lastStar - 1;
        if (firstStar + suffix > t.length
                || !Arrays.equals(t, 0, firstStar, p, 0, firstStar)
                || !Arrays.equals(t, t.length - suffix, t.length, p, lastStar + 1, p.length)) {
            return false;
        }
        int from = firstStar; // in t: where the text left to the middle pieces begins
        int to = t.length - suffix; // and ends
        for (int star = firstStar; star < lastStar; ) {
            int next = indexOf(p, WILDCARD, star + 1);
            int found = find(t, from, to, p, star + 1, next);
            if (found < 0) {
                return false;
            }
            from = found + (next - star - 1);
            star = next;
        }
        return true;
    }

    /** The leftmost index in {@code t[from, to)} where {@code p[pFrom, pTo)} occurs entirely, or -1. */
    private static int find(int[] t, int from, int to, int[] p, int pFrom, int pTo) {
        int m = pTo - pFrom;
        if (m == 0) {
            return from;
        }
        int[] border = new int[m]; // border[k]: the longest proper border of p[pFrom, pFrom + k + 1)
        for (int k = 1, b = 0; k < m; k++) {
            while (b > 0 && p[pFrom + k] != p[pFrom + b]) {
                b = border[b - 1];
            }
            if (p[pFrom + k] == p[pFrom + b]) {
                b++;
            }
            border[k] = b;
        }
        for (int i = from, matched = 0; i < to; i++) {
            while (matched > 0 && t[i] != p[pFrom + matched]) {
                matched = border[matched - 1];
            }
            if (t[i] == p[pFrom + matched]) {
                matched++;
            }
            if (matched == m) {
                return i - m + 1;
            }
        }
        return -1;
    }

    private static int indexOf(int[] a, int x, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(int[] a, int x) {
        for (int i = a.length - 1; i >= 0; i--) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** A code point never found in text: marks a wildcard in a flattened pattern. */
    private static final int WILDCARD = -1;

    /** The pattern as code points, {@code -1} for a wildcard: what {@link #like(String, int[])} matches against. */
    static int[] flatten(Pattern pattern) {
        List<Pattern.Element> elements = pattern.elements();
        int n = 0;
        for (Pattern.Element e : elements) {
            n += e instanceof Pattern.Text text ? text.text().codePointCount(0, text.text().length()) : 1;
        }
        int[] out = new int[n];
        int k = 0;
        for (Pattern.Element e : elements) {
            if (e instanceof Pattern.Text text) {
                String s = text.text();
                for (int i = 0; i < s.length(); ) {
                    int cp = s.codePointAt(i);
                    out[k++] = cp;
                    i += Character.charCount(cp);
                }
            } else {
                out[k++] = WILDCARD;
            }
        }
        return out;
    }

    // ---- type checks ----

    static boolean asBool(Value v) {
        if (v instanceof BoolValue b) {
            return b.value();
        }
        throw typeError("bool", v);
    }

    static long asLong(Value v) {
        if (v instanceof LongValue l) {
            return l.value();
        }
        throw typeError("long", v);
    }

    static String asString(Value v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw typeError("string", v);
    }

    static SetValue asSet(Value v) {
        if (v instanceof SetValue s) {
            return s;
        }
        throw typeError("set", v);
    }

    static EntityUid asEntity(Value v) {
        if (v instanceof EntityUid uid) {
            return uid;
        }
        throw typeError("entity", v);
    }

    static RecordValue asRecord(Value v) {
        if (v instanceof RecordValue r) {
            return r;
        }
        throw typeError("record", v);
    }

    static EvaluationException typeError(String expected, Value actual) {
        return new EvaluationException(EvaluationException.Kind.TYPE_ERROR,
                "type error: expected " + expected + ", got " + actual.typeName());
    }

    private static EvaluationException overflow(String message) {
        return new EvaluationException(EvaluationException.Kind.OVERFLOW, message);
    }
}
