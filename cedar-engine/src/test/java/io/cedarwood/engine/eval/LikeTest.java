package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LikeTest {

    @Test
    void agreesWithARegularExpressionOnRandomInputs() {
        Random random = new Random(7);
        String alphabet = "ab*";
        for (int n = 0; n < 20_000; n++) {
            String pattern = randomString(random, alphabet, 6);
            String text = randomString(random, "ab", 8);
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(c)));
            }
            boolean expected = text.matches(regex.toString());
            assertThat(Operators.like(text, Exprs.pattern(pattern))).as("%s like %s", text, pattern).isEqualTo(expected);
        }
    }

    private static String randomString(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Test
    void consecutiveWildcardsActAsOne() {
        List<Pattern.Element> elements = new ArrayList<>();
        elements.add(new Pattern.Wildcard());
        elements.add(new Pattern.Wildcard());
        elements.add(new Pattern.Text("b"));
        assertThat(Operators.like("aab", new Pattern(elements))).isTrue();
        assertThat(Operators.like("aba", new Pattern(elements))).isFalse();
    }

    @Test
    void aWildcardMatchesWholeCodePointsNotHalvesOfSurrogatePairs() {
        String smiley = "\uD83D\uDE00";
        assertThat(Operators.like(smiley, Exprs.pattern("*\uDE00"))).isFalse();
        assertThat(Operators.like(smiley + smiley, Exprs.pattern("*" + smiley))).isTrue();
        assertThat(Operators.like("x" + smiley + "y", Exprs.pattern("x*y"))).isTrue();
    }

    @Test
    @Timeout(5)
    void manyWildcardsOnALongTextDoNotBacktrackExponentially() {
        String text = "a".repeat(20_000);
        Pattern pattern = Exprs.pattern("*a".repeat(30) + "*b");
        assertThat(Operators.like(text, pattern)).isFalse();
        assertThat(Operators.like(text + "b", pattern)).isTrue();
    }

    @Test
    @Timeout(10)
    void aLongPieceAgainstAMegabyteTakesLinearTime() {
        // took 24 s with a matcher that retried the piece at every position
        String text = "a".repeat(1_000_000);
        Pattern pattern = Exprs.pattern("*" + "a".repeat(20_000) + "b");
        assertThat(Operators.like(text, pattern)).isFalse();
        assertThat(Operators.like(text + "b", pattern)).isTrue();
        assertThat(Operators.like(text, Exprs.pattern("*" + "a".repeat(20_000) + "*" + "a".repeat(20_000) + "*"))).isTrue();
    }

    @Test
    void agreesWithARegularExpressionOnLongerRandomInputs() {
        Random random = new Random(11);
        for (int n = 0; n < 5_000; n++) {
            String pattern = randomString(random, "aab**", 14);
            String text = randomString(random, "aab", 24);
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(c)));
            }
            boolean expected = text.matches(regex.toString());
            assertThat(Operators.like(text, Exprs.pattern(pattern))).as("%s like %s", text, pattern).isEqualTo(expected);
        }
    }
}
