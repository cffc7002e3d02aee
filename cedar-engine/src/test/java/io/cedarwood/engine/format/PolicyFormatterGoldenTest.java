package io.cedarwood.engine.format;

import io.cedarwood.engine.authz.PolicySet;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files in {@code src/test/resources/format}: {@code name.cedar} formats to
 * {@code name.formatted.cedar}. A name with {@code -w40} or {@code -i4} in it sets the line width or the
 * indentation (defaults 80 and 2). The expected text must also format to itself and mean the same as the
 * input.
 */
class PolicyFormatterGoldenTest {
    private static final Pattern WIDTH = Pattern.compile("-w(\\d+)");
    private static final Pattern INDENT = Pattern.compile("-i(\\d+)");

    @TestFactory
    Stream<DynamicTest> everyGoldenFileFormatsAsExpected() throws IOException {
        return inputs().stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            String name = input.getFileName().toString().replace(".cedar", "");
            int width = option(WIDTH, name, PolicyFormatter.DEFAULT_LINE_WIDTH);
            int indent = option(INDENT, name, PolicyFormatter.DEFAULT_INDENT_WIDTH);
            String text = Files.readString(input);
            String expected = Files.readString(input.resolveSibling(name + ".formatted.cedar"));

            assertThat(PolicyFormatter.format(text, width, indent)).isEqualTo(expected);
            assertThat(PolicyFormatter.format(expected, width, indent)).as("formats to itself").isEqualTo(expected);
            assertThat(PolicySet.parse(expected)).isEqualTo(PolicySet.parse(text));
            assertThat(CedarText.comments(expected)).isEqualTo(CedarText.comments(text));
        }));
    }

    @Test
    void goldenFilesCoverTheFeatures() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path input : inputs()) {
            all.append(Files.readString(input));
        }
        assertThat(inputs()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(all).contains("//", "@id", "?principal", "?resource", "if ", "else if", "unless", "like", " has ",
                " is ", "{}", "[]", "-9223372036854775808", "\\u{");
    }

    private static List<Path> inputs() throws IOException {
        Path dir;
        try {
            dir = Path.of(PolicyFormatterGoldenTest.class.getResource("/format").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".cedar") && !p.toString().endsWith(".formatted.cedar"))
                    .sorted()
                    .toList();
        }
    }

    private static int option(Pattern pattern, String name, int otherwise) {
        Matcher m = pattern.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
    }
}
