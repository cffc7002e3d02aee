package io.cedarwood.cli;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "authorize", description = "Evaluate an authorization request",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:ALLOW", "1:the inputs could not be read", "2:DENY"})
final class AuthorizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Mixin
    RequestOptions request;

    @Mixin
    SchemaOptions schemaOptions;

    @Option(names = "--entities", paramLabel = "FILE", required = true, description = "File containing the entities as JSON")
    String entitiesFile;

    @Option(names = {"-v", "--verbose"}, description = "Also print the determining policies")
    boolean verbose;

    @Option(names = {"-t", "--timing"}, description = "Also print how long the authorization took, in microseconds")
    boolean timing;

    @Override
    public Integer call() {
        PolicySet policySet = policies.policySet();
        Schema schema = schemaOptions.given() ? schemaOptions.schema() : null;
        Entities entities = Cli.readEntities(entitiesFile, schema);
        Request req = request.request(schema);
        long start = System.nanoTime();
        Response response = new Authorizer().isAuthorized(req, policySet, entities);
        long micros = (System.nanoTime() - start) / 1_000;

        PrintWriter out = spec.commandLine().getOut();
        if (timing) {
            out.println("Authorization Time (micro seconds) : " + micros);
        }
        out.println(response.isAllowed() ? "ALLOW" : "DENY");
        if (!response.diagnostics().errors().isEmpty()) {
            out.println();
            for (AuthorizationError e : response.diagnostics().errors()) {
                out.println(e);
            }
        }
        if (verbose) {
            out.println();
            if (response.diagnostics().reason().isEmpty()) {
                out.println("note: no policies applied to this request");
            } else {
                out.println("note: this decision was due to the following policies:");
                for (PolicyId id : response.diagnostics().reason()) {
                    out.println("  " + id);
                }
            }
        }
        return response.isAllowed() ? CedarCli.SUCCESS : CedarCli.AUTHORIZE_DENY;
    }
}
