package org.switchboard.acd.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.switchboard.routing.api.CallSnapshot;
import org.switchboard.routing.api.RoutingDecision;

public class SurveyAndLateVariablesTest extends DistributionFixture {

    @Test
    public void surveyFlowOfTheQueueThatServedTheCallIsKnownAfterItEnded() throws SettingsException {
        acd.defineQueue(support().withSurveyFlow("csat"));
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");
        acd.callEnded("c1", "agent");

        assertEquals(Optional.of("csat"), acd.surveyFlows.lookup("c1"));
    }

    @Test
    public void callNotAnsweredIsNotSurveyed() throws SettingsException {
        acd.defineQueue(support().withSurveyFlow("csat"));
        call("c1");
        acd.callerAbandoned("c1");

        assertEquals(Optional.empty(), acd.surveyFlows.lookup("c1"));
    }

    @Test
    public void answeredCallOfAQueueWithoutSurveyIsKnownToHaveNone() {
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");

        assertEquals(Optional.of(""), acd.surveyFlows.lookup("c1"));
    }

    @Test
    public void variablesGatheredAfterTheCallEndedAreStoredWithIt() {
        readyAgents("1001");
        call("c1");
        acd.offerAnswered("c1", "1001");
        acd.callEnded("c1", "caller");

        acd.addVariables("c1", Map.of("survey.score", "4"));

        assertEquals(Map.of("survey.score", "4"), records.variables("c1"));
    }

    @Test
    public void variablesForAnUnknownCallAreIgnored() {
        acd.addVariables("nobody", Map.of("survey.score", "4"));

        assertEquals(Map.of(), records.variables("nobody"));
    }

    @Test
    public void variablesAddedWhileTheCallWaitsReachTheStrategy() throws SettingsException {
        List<CallSnapshot> seen = new ArrayList<>();
        installInline("remembering", request -> {
            seen.add(request.call());
            return RoutingDecision.choose(request.candidates().get(0).agentId(), "first candidate");
        });
        acd.defineQueue(support().withStrategy("remembering"));
        call("c1");

        acd.addVariables("c1", Map.of("crm.customerId", "C-9"));
        readyAgents("1001");

        assertEquals(Map.of("crm.customerId", "C-9"), seen.get(0).variables());
        assertEquals(Optional.of("C-9"), seen.get(0).customerId());
        assertEquals(Map.of("crm.customerId", "C-9"), records.variables("c1"));
    }
}
