package io.cedarwood.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
final class CliRunner {
    private CliRunner() {
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result cedar(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CedarCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
