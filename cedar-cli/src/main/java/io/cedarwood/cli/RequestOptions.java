package io.cedarwood.cli;

import io.cedarwood.engine.CedarException;
import io.cedarwood.engine.Request;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import picocli.CommandLine.Option;

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

    /** The request, requiring all three of principal, action and resource. */
    Request request() {
        if (requestJsonFile != null) {
            if (principal != null || action != null || resource != null || contextFile != null) {
                throw new CedarException("`--request-json` cannot be combined with `--principal`, `--action`, "
                        + "`--resource` or `--context`");
            }
            return CedarJson.readRequest(Cli.readFileOrStdin(requestJsonFile, "request"));
        }
        if (principal == null || action == null || resource == null) {
            throw new CedarException("all three (`principal`, `action`, `resource`) variables must be specified");
        }
        return new Request(uid("principal", principal), uid("action", action), uid("resource", resource), context());
    }

    /** The request for {@code evaluate}: variables that were not given are placeholders the expression cannot match. */
    Request partialRequest() {
        if (requestJsonFile != null) {
            return request();
        }
        EntityUid unknown = EntityUid.of("__cedarwood::Unspecified", "");
        return new Request(
                principal == null ? unknown : uid("principal", principal),
                action == null ? unknown : uid("action", action),
                resource == null ? unknown : uid("resource", resource),
                context());
    }

    private RecordValue context() {
        return contextFile == null ? RecordValue.EMPTY : CedarJson.readContext(Cli.readFileOrStdin(contextFile, "context"));
    }

    private static EntityUid uid(String what, String text) {
        try {
            return PolicyParser.parseEntityUid(text);
        } catch (CedarException e) {
            throw new CedarException("failed to parse " + what + " `" + text + "` as an entity uid: " + e.getMessage());
        }
    }
}
