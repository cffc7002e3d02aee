package io.cedarwood.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "language-version", description = "Print the Cedar language version this build implements")
final class LanguageVersionCommand implements Callable<Integer> {
    static final String LANGUAGE_VERSION = "4.5";

    @Override
    public Integer call() {
        System.out.println("Cedar language version: " + LANGUAGE_VERSION);
        return CedarCli.SUCCESS;
    }
}
