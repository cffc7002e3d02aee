package io.cedarwood.engine.format;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.testing.SharedData;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formatter's promises, checked on every policy file of the integration-test suite (the dev corpus
 * and the hand-written tests): the formatted text means the same, keeps the tokens as written, formats to
 * itself, and ends with one line break; with comments sprinkled between the tokens, every comment
 * survives, once, in order.
 */
class PolicyFormatterCorpusTest {
    private static Map<String, String> files;

    @BeforeAll
    static void readFiles() throws IOException {
        Path root = SharedData.integrationTestsRoot();
        files = new LinkedHashMap<>();
        for (String folder : List.of("corpus-tests", "tests")) {
            try (Stream<Path> paths = Files.walk(root.resolve(folder))) {
                for (Path p : (Iterable<Path>) paths.sorted()::iterator) {
                    if (p.toString().endsWith(".cedar")) {
                        files.put(root.relativize(p).toString(), read(p));
                    }
                }
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void suiteHasPolicyFilesFromTheCorpusAndTheTests() {
        assertThat(files.keySet()).filteredOn(name -> name.startsWith("corpus-tests")).hasSizeGreaterThan(1000);
        assertThat(files.keySet()).filteredOn(name -> name.startsWith("tests")).isNotEmpty();
    }

    @Test
    void everyFileFormatsToTheSamePoliciesAndTokensAndIsStable() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            PolicySet policies = parsedOrNull(file.getValue());
            if (policies == null) {
                continue;
            }
            checked++;
            for (int[] widths : new int[][] {{80, 2}, {30, 4}}) {
                String problem = check(file.getValue(), policies, widths[0], widths[1]);
                if (problem != null) {
                    failures.add(file.getKey() + " (" + widths[0] + "/" + widths[1] + "): " + problem);
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(failures).as("failures out of " + checked + " files").isEmpty();
    }

    @Test
    void everyFileWithCommentsBetweenItsTokensKeepsEveryCommentInOrder() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String text = CedarText.withComments(file.getValue(), file.getKey().hashCode());
            PolicySet policies = parsedOrNull(text);
            if (policies == null) {
                continue;
            }
            checked++;
            String problem = check(text, policies, 80, 2);
            if (problem != null) {
                failures.add(file.getKey() + ": " + problem);
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(failures).as("failures out of " + checked + " files").isEmpty();
    }

    @Test
    void filesThatDoNotParseDoNotFormatEither() {
        int checked = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (parsedOrNull(file.getValue()) == null) {
                checked++;
                String text = file.getValue();
                try {
                    PolicyFormatter.format(text, 80, 2);
                    throw new AssertionError(file.getKey() + " does not parse but formats");
                } catch (ParseException expected) {
                    // as it should
                }
            }
        }
        // a broken policy made from a valid one, in case the suite has none
        try {
            PolicyFormatter.format(files.values().iterator().next() + "\npermit(principal, action, resource) when { 1 + };",
                    80, 2);
            throw new AssertionError("a broken policy formats");
        } catch (ParseException expected) {
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static PolicySet parsedOrNull(String text) {
        try {
            return PolicySet.parse(text);
        } catch (ParseException e) {
            return null;
        }
    }

    /** What is wrong with the formatted text, or {@code null}. */
    private static String check(String text, PolicySet policies, int width, int indent) {
        String formatted;
        try {
            formatted = PolicyFormatter.format(text, width, indent);
        } catch (RuntimeException e) {
            return "format failed: " + e;
        }
        if (!PolicySet.parse(formatted).equals(policies)) {
            return "different policies";
        }
        if (!CedarText.tokens(formatted).equals(CedarText.tokensWithoutTrailingCommas(text))) {
            return "different tokens";
        }
        if (!CedarText.comments(formatted).equals(CedarText.comments(text))) {
            return "different comments";
        }
        if (!formatted.endsWith("\n") || formatted.endsWith("\n\n")) {
            return "does not end with exactly one line break";
        }
        if (formatted.contains(" \n")) {
            return "trailing white space";
        }
        String again = PolicyFormatter.format(formatted, width, indent);
        if (!again.equals(formatted)) {
            return "not idempotent:\n" + formatted + "\n---\n" + again;
        }
        return null;
    }
}
