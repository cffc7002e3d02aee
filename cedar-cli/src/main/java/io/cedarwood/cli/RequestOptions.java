package io.cedarwood.cli;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import picocli.CommandLine.Option;

import java.util.Set;

/** The request flags, as in the reference CLI. */
final class RequestOptions {
    @Option(names = {"-l", "--principal"}, paramLabel = "UID", description = "The principal, e.g. 'User::\"alice\"'")
    String principal;

    @Option(names = {"-a", "--action"}, paramLabel = "UID", description = "The action, e.g. 'Action::\"view\"'")
    String action;

    @Option(names = {"-r", "--resource"}, paramLabel = "UID", description = "The resource, e.g. 'Photo::\"a.jpg\"'")
    String resource;

    @Option(names = {"-c", "--context"}, paramLabel = "FILE", description = "File containing the context as a JSON object")
    String contextFile;

    @Option(names = "--request-json", paramLabel = "FILE",
            description = "File containing the whole request as JSON ({\"principal\", \"action\", \"resource\", \"context\"}); "
                    + "excludes the other request flags")
    String requestJsonFile;

    @Option(names = "--request-validation", paramLabel = "BOOL", arity = "1", defaultValue = "true",
            description = "With --schema: validate the request against the schema (default: ${DEFAULT-VALUE})")
    boolean requestValidation;

    /**
     * The request, requiring all three of principal, action and resource. With a schema, the context is
     * read by its declared types and the request is validated unless {@code --request-validation false}.
     */
    Request request(Schema schema) {
        Request request;
        if (requestJsonFile != null) {
            if (principal != null || action != null || resource != null || contextFile != null) {
                throw new CedarException("`--request-json` cannot be combined with `--principal`, `--action`, "
                        + "`--resource` or `--context`");
            }
            String json = Cli.readFileOrStdin(requestJsonFile, "request");
            request = schema == null ? CedarJson.readRequest(json) : CedarJson.readRequest(json, schema);
        } else {
            if (principal == null || action == null || resource == null) {
                throw new CedarException("all three (`principal`, `action`, `resource`) variables must be specified");
            }
            EntityUid actionUid = Cli.uid("action", action);
            request = new Request(Cli.uid("principal", principal), actionUid, Cli.uid("resource", resource),
                    context(schema, actionUid));
        }
        if (schema != null && requestValidation) {
            schema.validateRequest(request);
        }
        return request;
    }

    /**
     * The request for {@code evaluate}, which may leave out the variables its expression does not use
     * ({@code used}); a used one that was not given is an error. A complete request is read as by
     * {@link #request(Schema)}.
     */
    Request requestFor(Set<Variable> used, Schema schema) {
        if (requestJsonFile != null || (principal != null && action != null && resource != null)) {
            return request(schema);
        }
        unspecified(Variable.PRINCIPAL, principal, used);
        unspecified(Variable.ACTION, action, used);
        unspecified(Variable.RESOURCE, resource, used);
        // the expression never reads the variables left out, so any uid stands in for them
        EntityUid unused = EntityUid.of("Unspecified", "");
        EntityUid actionUid = action == null ? null : Cli.uid("action", action);
        return new Request(
                principal == null ? unused : Cli.uid("principal", principal),
                actionUid == null ? unused : actionUid,
                resource == null ? unused : Cli.uid("resource", resource),
                context(actionUid == null ? null : schema, actionUid));
    }

    private static void unspecified(Variable variable, String given, Set<Variable> used) {
        if (given == null && used.contains(variable)) {
            throw new CedarException("the expression uses `" + variable.cedarName() + "`, which is not specified: "
                    + "give `--" + variable.cedarName() + " UID`, or the whole request with `--request-json FILE`");
        }
    }

    private RecordValue context(Schema schema, EntityUid actionUid) {
        if (contextFile == null) {
            return RecordValue.EMPTY;
        }
        String json = Cli.readFileOrStdin(contextFile, "context");
        return schema == null ? CedarJson.readContext(json) : CedarJson.readContext(json, schema, actionUid);
    }
}
