package io.cedarwood.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "integration-tests",
        description = "Run test files in the format of the Cedar integration-test suite; without files, every "
                + "test under ROOT/tests and ROOT/corpus-tests")
final class IntegrationTestsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--root", required = true, paramLabel = "DIR",
            description = "The suite's root folder (paths inside the test files are relative to it)")
    Path root;

    @Parameters(paramLabel = "TESTFILE", arity = "0..*", description = "Test files to run (default: all)")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        if (!Files.isDirectory(root)) {
            spec.commandLine().getErr().println("error: `" + root + "` is not a folder");
            return CedarCli.FAILURE;
        }
        IntegrationTestRunner runner = new IntegrationTestRunner(root);
        List<Path> tests = files.isEmpty() ? runner.discover() : files;
        int passed = 0;
        int failed = 0;
        for (Path test : tests) {
            for (IntegrationTestRunner.Check check : runner.run(test)) {
                if (check.passed()) {
                    passed++;
                } else {
                    failed++;
                    spec.commandLine().getOut().println(check);
                }
            }
        }
        spec.commandLine().getOut().println(passed + " passed, " + failed + " failed");
        return failed == 0 ? CedarCli.SUCCESS : CedarCli.FAILURE;
    }
}
