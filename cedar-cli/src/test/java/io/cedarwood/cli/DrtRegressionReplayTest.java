package io.cedarwood.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the authorization disagreements the engine's differential tests found (minimized, with the
 * reference's answers; {@code cedar-engine/src/test/resources/drt-regressions/authorization}), which are
 * kept in the integration-test format that {@link IntegrationTestRunner} reads.
 */
class DrtRegressionReplayTest {
    /** The engine's regression folder, from this module's folder (where the build runs the tests). */
    private static final Path ROOT = Path.of("..", "cedar-engine", "src", "test", "resources", "drt-regressions")
            .toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> authorizationAnswersAreTheReferences() throws IOException {
        Path dir = ROOT.resolve("authorization");
        assertThat(dir).as("the engine's differential-testing regressions").isDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".entities.json")
                    && !p.toString().endsWith(".policies.json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        IntegrationTestRunner runner = new IntegrationTestRunner(ROOT);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<IntegrationTestRunner.Check> checks = runner.run(file);
            assertThat(checks).isNotEmpty();
            assertThat(checks).allMatch(IntegrationTestRunner.Check::passed, checks.toString());
        }));
    }
}
