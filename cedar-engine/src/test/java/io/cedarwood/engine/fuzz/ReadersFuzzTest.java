package io.cedarwood.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;

import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads text: the policy parser, both schema readers
 * and the JSON readers. The only exceptions they may throw are {@link CedarException}s (parse and format
 * errors); anything else, a {@code StackOverflowError} or {@code OutOfMemoryError} included, is a finding.
 * Inputs are UTF-8 text (for {@code jsonReaders}, after one byte that picks the reader), so the corpus
 * files are readable.
 *
 * <p>With the ordinary tests these run in Jazzer's regression mode: each replays its corpus under
 * {@code src/test/resources/io/cedarwood/engine/fuzz/ReadersFuzzTestInputs/<method>/} (seeds and every
 * crashing input found so far). Then the build fuzzes each for the {@code maxDuration} of its annotation, in
 * a JVM of its own with {@code JAZZER_FUZZ=1} (the {@code fuzz-*} executions in the pom; see
 * docs/VERIFICATION.md).
 */
class ReadersFuzzTest {
    /** Runs a reader; documented exceptions are fine, everything else propagates to Jazzer. */
    private static void expectOnlyCedarExceptions(Runnable reader) {
        try {
            reader.run();
        } catch (CedarException expected) {
            // a clean parse or format error
        }
    }

    @FuzzTest(maxDuration = "15s")
    void policyParser(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        expectOnlyCedarExceptions(() -> {
            PolicySet set = PolicySet.parse(text);
            // what parses must print and parse back
            PolicySet.parse(set.toCedar());
            for (Policy p : set.policies()) {
                CedarJson.readPolicy(p.id(), CedarJson.writePolicy(p));
            }
        });
    }

    @FuzzTest(maxDuration = "15s")
    void cedarSchemaReader(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        expectOnlyCedarExceptions(() -> {
            Schema s = Schema.parseCedarSchema(text);
            Schema.parseJson(s.toJson());
            s.toCedarSchema();
        });
    }

    @FuzzTest(maxDuration = "15s")
    void jsonSchemaReader(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        expectOnlyCedarExceptions(() -> Schema.parseJson(text).toJson());
    }

    @FuzzTest(maxDuration = "15s")
    void jsonReaders(byte[] data) {
        // the first byte picks the reader, the rest is the document
        int which = data.length == 0 ? 0 : Math.floorMod(data[0], 6);
        String text = data.length == 0 ? "" : new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        expectOnlyCedarExceptions(() -> {
            switch (which) {
                case 0 -> Entities.of(CedarJson.readEntities(text));
                case 1 -> CedarJson.writeValue(CedarJson.readValue(text));
                case 2 -> CedarJson.readContext(text);
                case 3 -> CedarJson.writePolicy(CedarJson.readPolicy(PolicyId.of("p"), text));
                case 4 -> CedarJson.writePolicySet(CedarJson.readPolicySet(text));
                default -> CedarJson.readRequest(text);
            }
        });
    }
}
