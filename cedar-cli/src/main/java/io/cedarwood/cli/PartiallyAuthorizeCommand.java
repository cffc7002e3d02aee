package io.cedarwood.cli;

import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.partial.PartialResponse;
import io.cedarwood.engine.partial.ResidualPolicy;
import io.cedarwood.engine.value.EntityUid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code partially-authorize}: the flags of {@code authorize}, with principal, resource and context optional;
 * a part that is not given is unknown. Prints the decision when the known parts decide it, else
 * {@code UNKNOWN} and the residual policies, as the reference CLI does.
 */
@Command(name = "partially-authorize",
        description = "Evaluate an authorization request with some parts unknown (principal, resource, context "
                + "when not given) and print the residual policies",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:ALLOW, or UNKNOWN with the residual policies", "1:the inputs could not be read", "2:DENY"})
final class PartiallyAuthorizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Mixin
    SchemaOptions schemaOptions;

    @Option(names = "--entities", paramLabel = "FILE", required = true, description = "File containing the entities as JSON")
    String entitiesFile;

    @Option(names = {"-l", "--principal"}, paramLabel = "UID", description = "The principal; unknown when not given")
    String principal;

    @Option(names = {"-a", "--action"}, paramLabel = "UID", required = true, description = "The action, e.g. 'Action::\"view\"'")
    String action;

    @Option(names = {"-r", "--resource"}, paramLabel = "UID", description = "The resource; unknown when not given")
    String resource;

    @Option(names = {"-c", "--context"}, paramLabel = "FILE",
            description = "File containing the context as a JSON object; unknown when not given")
    String contextFile;

    @Option(names = {"-v", "--verbose"}, description = "Also print the policies that may and must determine the decision")
    boolean verbose;

    @Override
    public Integer call() {
        PolicySet policySet = policies.policySet();
        Schema schema = schemaOptions.given() ? schemaOptions.schema() : null;
        Entities entities = Cli.readEntities(entitiesFile, schema);
        EntityUid actionUid = uid("action", action);
        PartialRequest.Builder request = PartialRequest.builder().action(actionUid);
        if (principal != null) {
            request.principal(uid("principal", principal));
        }
        if (resource != null) {
            request.resource(uid("resource", resource));
        }
        if (contextFile != null) {
            String json = Cli.readFileOrStdin(contextFile, "context");
            request.context(schema == null ? CedarJson.readContext(json) : CedarJson.readContext(json, schema, actionUid));
        }
        PartialResponse response = new Authorizer().isAuthorizedPartial(request.build(), policySet,
                PartialEntityProvider.of(entities));

        PrintWriter out = spec.commandLine().getOut();
        out.println(response.decision().map(Decision::name).orElse("UNKNOWN"));
        if (!response.errors().isEmpty()) {
            out.println();
            for (AuthorizationError e : response.errors()) {
                out.println(e);
            }
        }
        if (response.decision().isEmpty()) {
            out.println();
            out.println("residual policies:");
            for (ResidualPolicy residual : response.residuals()) {
                out.println(residual.toCedar());
            }
        }
        if (verbose) {
            out.println();
            out.println("may be determining: " + ids(response.mayBeDetermining()));
            out.println("must be determining: " + ids(response.mustBeDetermining()));
        }
        return response.decision().orElse(Decision.ALLOW) == Decision.DENY ? CedarCli.AUTHORIZE_DENY : CedarCli.SUCCESS;
    }

    private static String ids(java.util.Set<io.cedarwood.engine.ast.PolicyId> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", ids.stream().map(io.cedarwood.engine.ast.PolicyId::value).toList());
    }

    private static EntityUid uid(String what, String text) {
        try {
            return PolicyParser.parseEntityUid(text);
        } catch (CedarException e) {
            throw new CedarException("failed to parse " + what + " `" + text + "` as an entity uid: " + e.getMessage());
        }
    }
}
