package io.cedarwood.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "language-version", description = "Print the Cedar language version this build implements")
final class LanguageVersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final String LANGUAGE_VERSION = "4.5";

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("Cedar language version: " + LANGUAGE_VERSION);
        return CedarCli.SUCCESS;
    }
}
