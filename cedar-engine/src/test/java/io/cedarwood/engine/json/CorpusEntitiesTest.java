package io.cedarwood.engine.json;

import io.cedarwood.engine.testing.SharedData;

import io.cedarwood.engine.entities.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entities file of the integration-test corpus reads without error (no schema) and writes back to
 * JSON that reads as the same entities. Files with extension escapes ({@code __extn}) are kept apart:
 * reading them calls the real extension functions, so that test needs {@code Extensions.call}.
 */
class CorpusEntitiesTest {
    private static Map<String, String> files;

    @BeforeAll
    static void unpack() {
        files = SharedData.readTarGz(SharedData.corpusTarball(), name -> name.endsWith(".entities.json"));
    }

    @Test
    void corpusHasEntitiesFilesOfBothKinds() {
        assertThat(files).hasSizeGreaterThan(1000);
        assertThat(files.values()).anyMatch(json -> json.contains("\"__extn\""));
        assertThat(files.values()).anyMatch(json -> !json.contains("\"__extn\""));
    }

    @Test
    void everyCorpusEntitiesFileWithoutExtensionValuesReadsAndRoundTrips() {
        assertReadAndRoundTrip(false);
    }

    /** Needs the extension functions ({@code Extensions.call}); fails with "not implemented yet" without them. */
    @Test
    void everyCorpusEntitiesFileWithExtensionValuesReadsAndRoundTripsGivenTheExtensionFunctions() {
        assertReadAndRoundTrip(true);
    }

    private static void assertReadAndRoundTrip(boolean withExtensions) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getValue().contains("\"__extn\"") != withExtensions) {
                continue;
            }
            checked++;
            try {
                List<Entity> entities = CedarJson.readEntities(file.getValue());
                List<Entity> again = CedarJson.readEntities(CedarJson.writeEntities(entities));
                if (!again.equals(entities)) {
                    failures.add(file.getKey() + ": does not round-trip");
                }
            } catch (RuntimeException e) {
                failures.add(file.getKey() + ": " + e);
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(failures).as("files that fail out of " + checked).isEmpty();
    }
}
