package io.cedarwood.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "check-parse", description = "Check that policies parse (reads standard input when no file is given)")
final class CheckParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Override
    public Integer call() {
        policies.policySet();
        spec.commandLine().getOut().println("policies parse successfully");
        return CedarCli.SUCCESS;
    }
}
