package io.cedarwood.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "check-parse", description = "Check that policies parse (reads standard input when no file is given)")
final class CheckParseCommand implements Callable<Integer> {
    @Mixin
    PolicyOptions policies;

    @Override
    public Integer call() {
        policies.policySet();
        System.out.println("policies parse successfully");
        return CedarCli.SUCCESS;
    }
}
