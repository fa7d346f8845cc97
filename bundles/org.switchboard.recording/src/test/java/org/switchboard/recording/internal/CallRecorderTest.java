package org.switchboard.recording.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.osgi.service.event.Event;
import org.switchboard.api.call.CallEvents;
import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;
import org.switchboard.recording.Recorder;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.recording.RecordingState;

/** The recorder component as Declarative Services runs it, on real threads, a real store and call events. */
public class CallRecorderTest {
    private static final long WAIT_MILLIS = 10_000;

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RecordingDatabase database = new RecordingDatabase(folder);

    @Rule
    public RuleChain rules = RuleChain.outerRule(folder).around(database);

    private final Map<String, List<MediaLeg>> legs = new HashMap<>();
    private final MediaServer media = new MediaServer() {
        @Override
        public MediaLeg answer(String callId, String legName, String offer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaLeg offer(String callId, String legName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasPrompt(String name) {
            return false;
        }

        @Override
        public int openLegs() {
            return legs.size();
        }

        @Override
        public synchronized List<MediaLeg> legsOf(String callId) {
            return legs.getOrDefault(callId, List.of());
        }
    };
    private CallRecorder recorder;

    @After
    public void stopRecorder() throws InterruptedException {
        if (recorder != null) {
            recorder.stop();
        }
    }

    @Test
    public void anAnsweredCallIsRecordedUntilItEndsWithItsPausesAndCustomer() throws Exception {
        start(Map.of("policy.support", "all", "minFreeMegabytes", "0"));
        legs.put("c1", List.of(new TestLeg("c1", "caller"), new TestLeg("c1", "1001")));

        recorder.handleEvent(answered("c1", "support"));
        await(() -> recorder.inProgress().size() == 1 && recorder.inProgress().get(0).recordedMillis() > 100);
        assertTrue(recorder.pause("c1", "agent 1001"));
        assertTrue(recorder.inProgress().get(0).paused());
        long pausedAt = recorder.inProgress().get(0).recordedMillis();
        await(() -> recorder.inProgress().get(0).recordedMillis() > pausedAt + 100);
        assertTrue(recorder.resume("c1", "agent 1001"));
        assertFalse(recorder.resume("c1", "agent 1001"));
        recorder.handleEvent(ended("c1"));
        await(() -> !recordings().isEmpty() && recordings().get(0).state() != RecordingState.RECORDING);

        Recording done = recordings().get(0);
        assertEquals(RecordingState.COMPLETE, done.state());
        assertEquals("support", done.queue());
        assertEquals("1001", done.agentId());
        assertEquals("C42", done.customer());
        assertEquals(1, done.pauses().size());
        assertEquals("agent 1001", done.pauses().get(0).by());
        assertTrue(recorder.inProgress().isEmpty());
        assertFalse(recorder.pause("c1", "agent 1001"));
    }

    @Test
    public void aCallFlowWithAPolicyRecordsFromItsAnswerAndTheAgentsAnswerFillsInQueueAndAgent() throws Exception {
        start(Map.of("policy.support", "none", "flowPolicy.main", "all", "minFreeMegabytes", "0"));
        legs.put("c1", List.of(new TestLeg("c1", "caller")));
        recorder.handleEvent(flowAnswered("c1", "survey"));
        recorder.handleEvent(flowAnswered("c1", "main"));
        await(() -> recorder.inProgress().size() == 1 && recorder.inProgress().get(0).recordedMillis() > 100);
        assertEquals("", recorder.inProgress().get(0).queue());

        synchronized (media) {
            legs.put("c1", List.of(new TestLeg("c1", "caller"), new TestLeg("c1", "1001")));
        }
        recorder.handleEvent(answered("c1", "support"));
        assertEquals("the queue's policy none does not stop it", 1, recorder.inProgress().size());
        assertEquals("1001", recorder.inProgress().get(0).agentId());
        recorder.handleEvent(ended("c1"));
        await(() -> recordings().get(0).state() == RecordingState.COMPLETE);
        Recording done = recordings().get(0);
        assertEquals("support", done.queue());
        assertEquals("1001", done.agentId());
        assertEquals("C42", done.customer());
    }

    @Test
    public void aCallThatEndsInTheCallFlowEndsItsRecordingWhenItsLegCloses() throws Exception {
        start(Map.of("flowPolicy.main", "all", "minFreeMegabytes", "0"));
        synchronized (media) {
            legs.put("c1", List.of(new TestLeg("c1", "caller")));
        }
        recorder.handleEvent(flowAnswered("c1", "main"));
        await(() -> recorder.inProgress().size() == 1 && recorder.inProgress().get(0).recordedMillis() > 100);
        synchronized (media) {
            legs.remove("c1");
        }
        await(() -> recorder.inProgress().isEmpty() && recordings().get(0).state() != RecordingState.RECORDING);
        assertEquals(RecordingState.COMPLETE, recordings().get(0).state());
        assertEquals("5551234", recordings().get(0).customer());
    }

    @Test
    public void aBlindTransferToAQueueGoesOnInTheSameFileUntilTheNewRecordEnds() throws Exception {
        start(Map.of("policy.support", "all", "policy.sales", "none", "minFreeMegabytes", "0"));
        legs.put("c1", List.of(new TestLeg("c1", "caller"), new TestLeg("c1", "1001")));
        recorder.handleEvent(answered("c1", "support"));
        await(() -> recorder.inProgress().size() == 1);

        recorder.handleEvent(ended("c1", Map.of("transfer.to", "queue:sales")));
        recorder.handleEvent(answered("c2", "sales",
                Map.of("transfer.from", "c1", "transfer.origin", "c1", "transfer.agent", "1001")));
        long before = recorder.inProgress().get(0).recordedMillis();
        await(() -> recorder.inProgress().get(0).recordedMillis() > before + 200);
        assertEquals("one recording, although sales records none of its own calls", 1,
                recorder.inProgress().size());
        assertTrue("paused through the new record's id", recorder.pause("c2", "agent 1002"));
        assertTrue(recordings().stream().allMatch(r -> r.state() == RecordingState.RECORDING));

        recorder.handleEvent(ended("c2", Map.of("transfer.from", "c1")));
        await(() -> recordings().get(0).state() != RecordingState.RECORDING);
        assertEquals(1, recordings().size());
        assertEquals(RecordingState.COMPLETE, recordings().get(0).state());
        assertEquals("c1", recordings().get(0).callId());
    }

    @Test
    public void aCallerWhoLeavesTheQueueTheyWereTransferredToEndsTheRecording() throws Exception {
        start(Map.of("policy.support", "all", "minFreeMegabytes", "0"));
        legs.put("c1", List.of(new TestLeg("c1", "caller"), new TestLeg("c1", "1001")));
        recorder.handleEvent(answered("c1", "support"));
        await(() -> recorder.inProgress().size() == 1);
        recorder.handleEvent(ended("c1", Map.of("transfer.to", "queue:sales")));
        recorder.handleEvent(ended("c2", Map.of("transfer.from", "c1")));
        await(() -> !recordings().isEmpty() && recordings().get(0).state() == RecordingState.COMPLETE);
        assertTrue(recorder.inProgress().isEmpty());
    }

    @Test
    public void theCallsOfAQueueWhosePolicyIsNoneAreNotRecorded() {
        start(Map.of("policy.default", "all", "policy.sales", "none", "minFreeMegabytes", "0"));

        recorder.handleEvent(answered("c2", "sales"));

        assertTrue(recorder.inProgress().isEmpty());
        assertTrue(recordings().isEmpty());
    }

    @Test
    public void noRecordingStartsWhenTheDiskHasLessThanTheMinimumFreeAndTheCallIsLeftAlone() {
        start(Map.of("minFreeMegabytes", Integer.toString(Integer.MAX_VALUE)));

        recorder.handleEvent(answered("c3", "support"));

        assertTrue(recorder.inProgress().isEmpty());
        assertTrue(recordings().isEmpty());
    }

    @Test
    public void anInvalidChangeKeepsThePreviousSettings() {
        start(Map.of("policy.support", "none", "minFreeMegabytes", "0"));

        recorder.modified(Map.of("policy.support", "all", "retentionDays.support", "-3", "minFreeMegabytes", "0"));
        recorder.handleEvent(answered("c4", "support"));
        assertTrue(recorder.inProgress().isEmpty());

        recorder.modified(Map.of("policy.support", "all", "minFreeMegabytes", "0"));
        recorder.handleEvent(answered("c5", "support"));
        assertEquals(List.of("c5"), recorder.inProgress().stream().map(Recorder.InProgress::callId).toList());
    }

    private void start(Map<String, Object> properties) {
        recorder = new CallRecorder(media, properties);
        recorder.store = database.store();
    }

    private List<Recording> recordings() {
        return database.store().find(RecordingQuery.newest(10));
    }

    private static Event answered(String callId, String queue) {
        return answered(callId, queue, Map.of("crm.customerId", "C42"));
    }

    private static Event answered(String callId, String queue, Map<String, String> variables) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CallEvents.CALL_ID, callId);
        properties.put(CallEvents.QUEUE, queue);
        properties.put(CallEvents.AGENT_ID, "1001");
        properties.put(CallEvents.ANI, "5551234");
        properties.put(CallEvents.ANSWERED_AT, System.currentTimeMillis());
        properties.put(CallEvents.VARIABLES, variables);
        return new Event(CallEvents.ANSWERED, properties);
    }

    private static Event flowAnswered(String callId, String flow) {
        return new Event(CallEvents.FLOW_ANSWERED, Map.of(CallEvents.CALL_ID, callId, CallEvents.ANI, "5551234",
                CallEvents.DNIS, "4008", CallEvents.FLOW, flow, CallEvents.ANSWERED_AT, System.currentTimeMillis()));
    }

    private static Event ended(String callId) {
        return ended(callId, Map.of());
    }

    private static Event ended(String callId, Map<String, String> variables) {
        return new Event(CallEvents.ENDED, Map.of(CallEvents.CALL_ID, callId, CallEvents.ENDED_AT,
                System.currentTimeMillis(), CallEvents.VARIABLES, variables));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not so after " + WAIT_MILLIS + " ms");
            }
            Thread.sleep(10);
        }
    }
}
