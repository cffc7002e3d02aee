package io.cedarwood.cli;

import io.cedarwood.engine.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** The public Cedar integration tests (hand-written and the dev corpus): one dynamic test per test file. */
class IntegrationSuiteTest {

    @TestFactory
    Stream<DynamicTest> everyTestFileAgreesWithTheReference() {
        Path root = SharedData.integrationTestsRoot();
        IntegrationTestRunner runner = new IntegrationTestRunner(root);
        List<Path> files = runner.discover();
        assertThat(files).as("test files under " + root).hasSizeGreaterThan(3900);
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            List<IntegrationTestRunner.Check> checks = runner.run(file);
            assertThat(checks).as("checks in " + file).isNotEmpty();
            List<IntegrationTestRunner.Check> failed = checks.stream().filter(c -> !c.passed()).toList();
            if (!failed.isEmpty()) {
                fail(failed.size() + " of " + checks.size() + " checks failed:\n"
                        + failed.stream().map(Object::toString).collect(Collectors.joining("\n")));
            }
        }));
    }
}
