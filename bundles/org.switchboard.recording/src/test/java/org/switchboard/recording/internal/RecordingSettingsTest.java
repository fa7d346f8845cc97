package org.switchboard.recording.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

public class RecordingSettingsTest {

    @Test
    public void eachQueueHasItsPolicyAndRetentionAndTheOthersTheDefaults() {
        RecordingSettings settings = RecordingSettings.from(Map.of("policy.default", "none",
                "policy.support", "all", "policy.sales", "percent:50", "retentionDays.default", "365",
                "retentionDays.support", "90", "minFreeMegabytes", "200"));

        assertEquals(RecordingPolicy.ALL, settings.policyOf("support"));
        assertEquals(new RecordingPolicy(50), settings.policyOf("sales"));
        assertEquals(RecordingPolicy.NONE, settings.policyOf("complaints"));
        assertEquals(Optional.of(90), settings.retentionDaysOf("support"));
        assertEquals(Optional.of(365), settings.retentionDaysOf("sales"));
        assertEquals(200L * 1024 * 1024, settings.minFreeBytes());
    }

    @Test
    public void callFlowsNamedRecordTheirCallsFromTheFlowsAnswerAndOthersDoNot() {
        RecordingSettings settings = RecordingSettings.from(Map.of("flowPolicy.main", "all",
                "flowPolicy.complaints", "percent:10"));

        assertEquals(Optional.of(RecordingPolicy.ALL), settings.flowPolicyOf("main"));
        assertEquals(Optional.of(new RecordingPolicy(10)), settings.flowPolicyOf("complaints"));
        assertEquals(Optional.empty(), settings.flowPolicyOf("survey"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RecordingSettings.from(Map.of("flowPolicy.main", "sometimes")));
        assertTrue(bad.getMessage(), bad.getMessage().startsWith("flowPolicy.main = sometimes: "));
    }

    @Test
    public void withoutConfigurationEveryCallIsRecordedAndKeptForEver() {
        RecordingSettings settings = RecordingSettings.from(Map.of());

        assertEquals(RecordingSettings.defaults(), settings);
        assertEquals(RecordingPolicy.ALL, settings.policyOf("support"));
        assertEquals(Optional.empty(), settings.retentionDaysOf("support"));
    }

    @Test
    public void aBadValueIsReportedWithItsKeyAndWhy() {
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> RecordingSettings.from(Map.of("policy.sales", "percent:150")));
        assertTrue(policy.getMessage(), policy.getMessage().startsWith("policy.sales = percent:150: "));
        assertTrue(policy.getMessage(), policy.getMessage().contains("0..100"));

        IllegalArgumentException days = assertThrows(IllegalArgumentException.class,
                () -> RecordingSettings.from(Map.of("retentionDays.support", "ninety")));
        assertEquals("retentionDays.support = ninety: not a whole number", days.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RecordingSettings.from(Map.of("policy.support", "some")));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("not all, none or percent:N"));
    }

    @Test
    public void aPercentagePolicyRecordsTheCallsWhoseDrawFallsUnderIt() {
        RecordingPolicy half = RecordingPolicy.parse("percent:50");

        assertTrue(half.records(() -> 0.49));
        assertFalse(half.records(() -> 0.5));
        assertFalse(RecordingPolicy.NONE.records(() -> 0.0));
        assertTrue(RecordingPolicy.ALL.records(() -> 0.999));
    }

    @Test
    public void theFolderDefaultsToRecordingsInTheDataFolder() {
        assertEquals(Path.of("/srv/rec"), RecordingSettings.directoryOf(Map.of("directory", " /srv/rec ")));
        assertEquals(Path.of(System.getProperty("karaf.data", "data"), "recordings"),
                RecordingSettings.directoryOf(Map.of("directory", "")));
    }
}
