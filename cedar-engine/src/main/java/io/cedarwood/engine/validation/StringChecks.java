package io.cedarwood.engine.validation;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.validation.ValidationWarning.Kind;
import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.StringValue;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Warnings about text that could mislead a reader of a policy (the reference's
 * {@code confusable_string_checks}): bidirectional control characters, mixed scripts (UTS #39), and
 * characters in identifiers outside the general security profile.
 *
 * <p>Java has no script extensions or identifier-status data, so the mixed-script test uses each code
 * point's script (with UTS #39's augmented sets for Han, Hiragana, Katakana, Hangul and Bopomofo) and
 * the identifier test approximates "allowed" as: a letter, digit, mark or connector from a recommended
 * script, unchanged by NFKC. Warnings never affect whether validation passes.
 */
final class StringChecks {
    private static final Set<Integer> BIDI = Set.of(0x202A, 0x202B, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x202C,
            0x2069);

    /** UAX #31 table 5, the scripts recommended for identifiers (plus Common and Inherited). */
    private static final Set<UnicodeScript> RECOMMENDED = EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED,
            UnicodeScript.ARABIC, UnicodeScript.ARMENIAN, UnicodeScript.BENGALI, UnicodeScript.BOPOMOFO,
            UnicodeScript.CYRILLIC, UnicodeScript.DEVANAGARI, UnicodeScript.ETHIOPIC, UnicodeScript.GEORGIAN,
            UnicodeScript.GREEK, UnicodeScript.GUJARATI, UnicodeScript.GURMUKHI, UnicodeScript.HAN,
            UnicodeScript.HANGUL, UnicodeScript.HEBREW, UnicodeScript.HIRAGANA, UnicodeScript.KANNADA,
            UnicodeScript.KATAKANA, UnicodeScript.KHMER, UnicodeScript.LAO, UnicodeScript.LATIN,
            UnicodeScript.MALAYALAM, UnicodeScript.MYANMAR, UnicodeScript.ORIYA, UnicodeScript.SINHALA,
            UnicodeScript.TAMIL, UnicodeScript.TELUGU, UnicodeScript.THAANA, UnicodeScript.THAI, UnicodeScript.TIBETAN);

    private StringChecks() {
    }

    static void check(PolicyId id, PolicyExpr policy, Collection<ValidationWarning> warnings) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(policy.condition());
        while (!stack.isEmpty()) {
            Expr n = stack.pop();
            SourceSpan span = policy.spanOf(n);
            if (n instanceof Expr.Literal lit && lit.value() instanceof StringValue s) {
                string(id, span, s.value(), warnings);
            } else if (n instanceof Expr.Literal lit && lit.value() instanceof EntityUid uid) {
                for (String part : uid.type().name().split("::")) {
                    identifier(id, span, part, warnings);
                }
                identifier(id, span, uid.id(), warnings);
            } else if (n instanceof Expr.ExtensionCall c) {
                identifier(id, span, c.function(), warnings);
            } else if (n instanceof Expr.GetAttr g) {
                identifier(id, span, g.attribute(), warnings);
            } else if (n instanceof Expr.HasAttr h) {
                identifier(id, span, h.attribute(), warnings);
            } else if (n instanceof Expr.Like l) {
                string(id, span, patternText(l.pattern()), warnings);
            } else if (n instanceof Expr.RecordLit r) {
                for (String key : r.fields().keySet()) {
                    identifier(id, span, key, warnings);
                }
            }
            for (Expr child : n.children()) {
                stack.push(child);
            }
        }
    }

    /**
     * The pattern as the reference writes it before checking it: literal text escaped (so control and
     * format characters, bidirectional ones included, are written as escapes and never warned about).
     */
    private static String patternText(Pattern p) {
        StringBuilder out = new StringBuilder();
        for (Pattern.Element e : p.elements()) {
            if (e instanceof Pattern.Text t) {
                StringBuilder escaped = new StringBuilder();
                CedarStrings.escapeInto(t.text(), escaped);
                out.append(escaped.toString().replace("*", "\\*"));
            } else {
                out.append('*');
            }
        }
        return out.toString();
    }

    private static void string(PolicyId id, SourceSpan span, String s, Collection<ValidationWarning> warnings) {
        String shown = CedarStrings.quote(s);
        if (s.codePoints().anyMatch(BIDI::contains)) {
            warnings.add(new ValidationWarning(id, Kind.BIDI_CHARS_IN_STRING,
                    "string `" + shown + "` contains BIDI control characters", span));
        } else if (!isSingleScript(s)) {
            warnings.add(new ValidationWarning(id, Kind.MIXED_SCRIPT_STRING,
                    "string `" + shown + "` contains mixed scripts", span));
        }
    }

    private static void identifier(PolicyId id, SourceSpan span, String s, Collection<ValidationWarning> warnings) {
        String shown = CedarStrings.quote(s);
        shown = shown.substring(1, shown.length() - 1);
        if (s.codePoints().anyMatch(BIDI::contains)) {
            warnings.add(new ValidationWarning(id, Kind.BIDI_CHARS_IN_IDENTIFIER,
                    "identifier `" + shown + "` contains BIDI control characters", span));
            return;
        }
        int confusable = s.codePoints().filter(c -> c != ' ' && !(c > 0x20 && c < 0x7F) && !identifierAllowed(c))
                .findFirst().orElse(-1);
        if (confusable >= 0) {
            StringBuilder c = new StringBuilder();
            CedarStrings.escapeInto(new String(Character.toChars(confusable)), c);
            warnings.add(new ValidationWarning(id, Kind.CONFUSABLE_IDENTIFIER, "identifier `" + shown
                    + "` contains the character `" + c + "` which is not a printable ASCII character and falls outside "
                    + "of the General Security Profile for Identifiers", span));
        } else if (!isSingleScript(s)) {
            warnings.add(new ValidationWarning(id, Kind.MIXED_SCRIPT_IDENTIFIER,
                    "identifier `" + shown + "` contains mixed scripts", span));
        }
    }

    private static boolean identifierAllowed(int c) {
        int type = Character.getType(c);
        boolean shape = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
        if (!shape || !RECOMMENDED.contains(UnicodeScript.of(c))) {
            return false;
        }
        String s = new String(Character.toChars(c));
        return Normalizer.isNormalized(s, Normalizer.Form.NFKC);
    }

    /** Whether the string's resolved script set (UTS #39) is not empty. */
    static boolean isSingleScript(String s) {
        Set<String> resolved = null; // null: all scripts
        for (int cp : (Iterable<Integer>) s.codePoints()::iterator) {
            UnicodeScript script = UnicodeScript.of(cp);
            if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED || script == UnicodeScript.UNKNOWN) {
                continue;
            }
            Set<String> augmented = augmented(script);
            if (resolved == null) {
                resolved = new HashSet<>(augmented);
            } else {
                resolved.retainAll(augmented);
            }
            if (resolved.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A script with the writing systems that combine it (UTS #39 augmented script sets): Japanese
     * ({@code Jpan}) is Han, Hiragana and Katakana, Korean ({@code Kore}) is Han and Hangul, {@code Hanb} is
     * Han and Bopomofo.
     */
    private static Set<String> augmented(UnicodeScript script) {
        return switch (script) {
            case HAN -> Set.of("Hani", "Hanb", "Jpan", "Kore");
            case HIRAGANA -> Set.of("Hira", "Jpan");
            case KATAKANA -> Set.of("Kana", "Jpan");
            case HANGUL -> Set.of("Hang", "Kore");
            case BOPOMOFO -> Set.of("Bopo", "Hanb");
            default -> Set.of(script.name());
        };
    }
}
