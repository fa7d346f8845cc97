package org.switchboard.web.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.switchboard.api.acd.AgentKpis;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.acd.QueueKpis;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.acd.StrategyInfo;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallStateChange;

/**
 * The JSON shapes of the API (see openapi.json): times as ISO-8601 text in UTC, durations in seconds, states and
 * dispositions as their names.
 */
final class Views {

    private Views() {
    }

    record AgentView(String agentId, String name, String phone, String state, String since, List<String> queues,
            String callId, boolean phoneRegistered, String pauseReason, String availability,
            Map<String, Integer> skills, Map<String, Object> kpis) {
    }

    record QueueView(String name, List<String> numbers, String strategy, String strategyInUse, int waiting,
            long longestWaitSeconds, int agentsLoggedIn, int agentsAvailable, Map<String, Object> kpis) {
    }

    record CallView(String callId, String ani, String dnis, String queue, String agentId, String state,
            String disposition, String arrivedAt, String offeredAt, String answeredAt, String endedAt,
            long waitSeconds, long talkSeconds, Map<String, String> variables) {
    }

    record CallDetailView(String callId, String ani, String dnis, String queue, String agentId, String state,
            String disposition, String arrivedAt, String offeredAt, String answeredAt, String endedAt,
            long waitSeconds, long talkSeconds, Map<String, String> variables, List<HistoryStep> history) {
    }

    record HistoryStep(String state, String at, String detail) {
    }

    record StrategyView(String name, String bundle, String version, List<String> queues) {
    }

    static AgentView agent(AgentStatus status) {
        AgentKpis kpis = status.kpis();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("callsAnswered", kpis.answered());
        figures.put("talkSeconds", kpis.talk().toSeconds());
        figures.put("averageHandleSeconds", kpis.answered() == 0 ? 0
                : kpis.talk().plus(kpis.wrapUp()).toSeconds() / kpis.answered());
        figures.put("wrapUpSeconds", kpis.wrapUp().toSeconds());
        figures.put("availableIdleSeconds", kpis.availableIdle().toSeconds());
        figures.put("occupancyPercent", percent(kpis.occupancy()));
        return new AgentView(status.agentId(), status.name(), status.phone(), status.state().name(),
                time(status.since()), status.queues(), status.callId(), status.phoneContact() != null,
                status.pauseReason(), status.availability(), new TreeMap<>(status.skills()), figures);
    }

    static QueueView queue(QueueStatus status) {
        QueueKpis kpis = status.kpis();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("offered", kpis.offered());
        figures.put("answered", kpis.answered());
        figures.put("abandoned", kpis.abandoned());
        figures.put("noAgent", kpis.noAgent());
        figures.put("serviceLevelPercent", percent(kpis.serviceLevel()));
        figures.put("asaSeconds", kpis.averageSpeedOfAnswer().toSeconds());
        figures.put("ahtSeconds", kpis.averageHandlingTime().toSeconds());
        figures.put("abandonRatePercent", percent(kpis.abandonRate()));
        figures.put("serviceLevelSeconds", status.serviceLevel().toSeconds());
        return new QueueView(status.name(), status.numbers(), status.strategy(), status.strategyInUse(),
                status.waiting(), status.longestWait().toSeconds(), status.agentsLoggedIn(),
                status.agentsAvailable(), figures);
    }

    static CallView call(CallDetailRecord record, Map<String, String> variables, Instant now) {
        return new CallView(record.callId(), record.ani(), record.dnis(), record.queue(), record.agentId(),
                record.state().name(), record.disposition() == null ? null : record.disposition().name(),
                time(record.arrivedAt()), time(record.offeredAt()), time(record.answeredAt()),
                time(record.endedAt()), record.waitSeconds(now), record.talkSeconds(now), new TreeMap<>(variables));
    }

    static CallDetailView callDetail(CallDetailRecord record, Map<String, String> variables,
            List<CallStateChange> history, Instant now) {
        CallView call = call(record, variables, now);
        return new CallDetailView(call.callId(), call.ani(), call.dnis(), call.queue(), call.agentId(), call.state(),
                call.disposition(), call.arrivedAt(), call.offeredAt(), call.answeredAt(), call.endedAt(),
                call.waitSeconds(), call.talkSeconds(), call.variables(), history.stream()
                        .map(step -> new HistoryStep(step.state().name(), time(step.at()), step.detail())).toList());
    }

    static StrategyView strategy(StrategyInfo info) {
        return new StrategyView(info.name(), info.bundle(), info.version(), info.queues());
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static long seconds(Duration duration) {
        return duration.toSeconds();
    }

    /** A fraction 0..1 as a percentage with one decimal. */
    static double percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }
}
