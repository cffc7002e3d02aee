package io.cedarwood.cli;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.validation.ValidationError;
import io.cedarwood.engine.validation.ValidationMode;
import io.cedarwood.engine.validation.ValidationResult;
import io.cedarwood.engine.validation.ValidationWarning;
import io.cedarwood.engine.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Validate a policy set against a schema",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the policies validate", "1:the inputs could not be read", "3:validation failed"})
final class ValidateCommand implements Callable<Integer> {
    enum Mode { strict, permissive }

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Mixin
    SchemaOptions schema;

    @Option(names = "--validation-mode", paramLabel = "MODE", defaultValue = "strict",
            description = "Validation mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--level", paramLabel = "N",
            description = "Also check that no policy dereferences entities more than N levels deep (RFC 76)")
    Integer level;

    @Option(names = "--deny-warnings", description = "Fail validation when there are warnings, too")
    boolean denyWarnings;

    @Override
    public Integer call() {
        if (!schema.given()) {
            throw new CedarException("`validate` needs `--schema FILE`");
        }
        if (level != null && level < 0) {
            throw new CedarException("`--level` must not be negative");
        }
        String text = policies.text();
        PolicySet set = policies.policySet(text);
        Validator validator = new Validator(schema.schema());
        ValidationMode validationMode = mode == Mode.strict ? ValidationMode.STRICT : ValidationMode.PERMISSIVE;
        ValidationResult result = level == null
                ? validator.validate(set, validationMode)
                : validator.validate(set, validationMode, level);

        PrintWriter out = spec.commandLine().getOut();
        String source = policies.format == PolicyOptions.Format.json ? null : text;
        ErrorFormat format = ErrorReport.format(spec);
        for (ValidationError e : result.errors()) {
            out.println(ErrorReport.diagnostic(format, "error", e.toString(), e.help(), source, e.span()));
        }
        for (ValidationWarning w : result.warnings()) {
            out.println(ErrorReport.diagnostic(format, "warning", w.toString(), null, source, w.span()));
        }
        boolean passed = result.passed() && !(denyWarnings && !result.warnings().isEmpty());
        if (format != ErrorFormat.json) {
            out.println(passed ? "policies are valid" : "policies are not valid");
        }
        return passed ? CedarCli.SUCCESS : CedarCli.VALIDATION_FAILURE;
    }
}
