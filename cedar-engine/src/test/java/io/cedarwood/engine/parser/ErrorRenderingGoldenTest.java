package io.cedarwood.engine.parser;

import io.cedarwood.engine.authz.PolicySet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How parse errors render, against golden files: {@code parser/errors/NAME.cedar} is parsed as a policy set
 * and its rendered errors must equal {@code NAME.expected}. Run with {@code -Dcedar.updateGolden=true} to
 * rewrite the expected files after a deliberate change (then review the diff).
 */
class ErrorRenderingGoldenTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        return GoldenFiles.inputs("parser/errors").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersErrorsAsTheGoldenFileSays(Path input) throws IOException {
        String text = Files.readString(input);

        ParseException e = catchThrowableOfType(ParseException.class, () -> PolicySet.parse(text));

        assertThat(e).as("%s should not parse", input.getFileName()).isNotNull();
        GoldenFiles.check("parser/errors", input, e.getMessage() + "\n");
    }

    /** Golden files on the test class path, and how to check and update them. */
    static final class GoldenFiles {
        private GoldenFiles() {
        }

        static List<Path> inputs(String folder) throws IOException, URISyntaxException {
            Path dir = Path.of(GoldenFiles.class.getResource("/" + folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".cedar")).sorted().toList();
            }
        }

        static void check(String folder, Path input, String actual) throws IOException {
            String name = input.getFileName().toString().replaceFirst("\\.cedar$", ".expected");
            if (Boolean.getBoolean("cedar.updateGolden")) {
                Files.writeString(Path.of("src", "test", "resources").resolve(folder).resolve(name), actual);
                return;
            }
            Path expected = input.resolveSibling(name);
            assertThat(expected).as("golden file %s (run with -Dcedar.updateGolden=true to create it)", name).exists();
            assertThat(actual).isEqualTo(Files.readString(expected));
        }
    }
}
