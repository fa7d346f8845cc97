package org.switchboard.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.sip.CallControl;

/**
 * Runs after every other integration test (last in {@link AllIntegrationTests}): once the suite's hundreds of calls
 * (torture, fuzz, overload, transfers, supervision) are over, the server holds nothing of them — no call record left
 * open, no RTP endpoint, no agent still tied to a call, no caller waiting, no supervisor still listening.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class NothingLeftBehindTest extends SwitchboardTestSupport {

    @Test
    public void everyCallOfTheSuiteIsOverAndHoldsNothingOnTheServer() throws Exception {
        awaitCondition("every call of the suite ended", () -> records().unfinished().isEmpty());
        assertEquals("calls whose record is still open", List.of(),
                records().unfinished().stream().map(CallDetailRecord::callId).toList());

        awaitCondition("no RTP endpoint open", () -> service(MediaServer.class).openLegs() == 0);
        assertEquals("agents still tied to a call", List.of(),
                agents().agents().stream().filter(agent -> agent.callId() != null).map(AgentStatus::agentId)
                        .toList());
        assertEquals("callers waiting in a queue", List.of(), agents().queues().stream()
                .filter(queue -> !agents().waitingCalls(queue.name()).isEmpty()).map(QueueStatus::name).toList());
        assertEquals("supervisors still listening", List.of(), service(CallControl.class).supervisions());
    }
}
