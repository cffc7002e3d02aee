package io.cedarwood.engine.parser;

import io.cedarwood.engine.testing.SharedData;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.json.CedarJson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every policy file of the public integration tests (the dev corpus, the hand-written tests) is valid
 * Cedar: it must parse; each policy must print to text that parses back to an equal policy and write to
 * JSON that reads back to an equal policy; the whole set must survive the policy-set JSON format and
 * printing as a whole.
 */
class CorpusRoundTripTest {

    @Test
    void everyCorpusPolicyFileParsesAndRoundTrips() throws IOException {
        Path tarball = SharedData.integrationTestsDir().resolve("corpus-tests-dev.tar.gz");
        Map<String, String> files = SharedData.readTarGz(tarball, name -> name.endsWith(".cedar"));

        assertThat(files).hasSizeGreaterThan(3000);
        assertAllParseAndRoundTrip(files);
    }

    @Test
    void everyHandWrittenPolicyFileParsesAndRoundTrips() throws IOException {
        Path tests = SharedData.integrationTestsDir().resolve("tests");
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(tests)) {
            for (Path p : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".cedar")).sorted()::iterator) {
                files.put(tests.relativize(p).toString(), Files.readString(p));
            }
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(22);
        assertAllParseAndRoundTrip(files);
    }

    @Test
    void tinyTodoPoliciesAndTemplatesParseAndRoundTrip() throws IOException {
        Path tinytodo = SharedData.tinyTodoDir();
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("policies.cedar", "policies-all-enabled.cedar", "policies-templates.cedar")) {
            files.put(name, Files.readString(tinytodo.resolve(name)));
        }

        assertAllParseAndRoundTrip(files);
        assertThat(PolicySet.parse(files.get("policies-templates.cedar")).templates()).isNotEmpty();
    }

    private static void assertAllParseAndRoundTrip(Map<String, String> files) {
        List<String> failures = new ArrayList<>();
        int policies = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            PolicySet set;
            try {
                set = PolicySet.parse(file.getValue());
            } catch (ParseException e) {
                failures.add(file.getKey() + " does not parse:\n" + e.getMessage());
                continue;
            }
            List<Policy> all = new ArrayList<>(set.policies());
            all.addAll(set.templates());
            for (Policy p : all) {
                policies++;
                String printed = p.toCedar();
                try {
                    Policy back = PolicyParser.parsePolicy(p.id(), printed);
                    if (!back.equals(p)) {
                        failures.add(file.getKey() + " " + p.id() + " prints to text that parses differently:\n" + printed);
                    }
                } catch (ParseException e) {
                    failures.add(file.getKey() + " " + p.id() + " prints to text that does not parse:\n" + printed
                            + "\n" + e.getMessage());
                }
                String json = CedarJson.writePolicy(p);
                if (!CedarJson.readPolicy(p.id(), json).equals(p)) {
                    failures.add(file.getKey() + " " + p.id() + " writes to JSON that reads back differently:\n" + json);
                }
            }
            if (!CedarJson.readPolicySet(CedarJson.writePolicySet(set)).equals(set)) {
                failures.add(file.getKey() + " does not survive the policy-set JSON format");
            }
            if (!PolicySet.parse(set.toCedar()).equals(set)) {
                failures.add(file.getKey() + " does not survive printing as a whole");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(policies).isPositive();
    }
}
