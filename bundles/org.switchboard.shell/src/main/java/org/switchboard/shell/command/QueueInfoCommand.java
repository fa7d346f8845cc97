package org.switchboard.shell.command;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.QueueKpis;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.shell.command.completers.QueueNameCompleter;

@Command(scope = "callcenter", name = "queue-info", description = "Shows a queue's settings, state and KPIs with their definitions")
@Service
public class QueueInfoCommand implements Action {

    @Argument(index = 0, name = "queue", description = "Queue name", required = true)
    @Completion(QueueNameCompleter.class)
    String name;

    @Reference
    AgentDesk desk;

    @Override
    public Object execute() {
        QueueStatus queue = desk.queue(name)
                .orElseThrow(() -> new IllegalArgumentException("no queue named '" + name + "'"));
        QueueKpis kpis = QueuesCommand.kpis(queue);
        long threshold = Times.seconds(queue.serviceLevel());
        line("Queue", queue.name());
        line("Numbers", String.join(",", queue.numbers()));
        line("Strategy", queue.strategy());
        line("Strategy in use", QueuesCommand.strategy(queue));
        line("Fallback strategy", queue.fallbackStrategy());
        line("Max wait", Times.seconds(queue.maxWait()) + " s");
        line("Ring timeout", Times.seconds(queue.ringTimeout()) + " s");
        line("Wrap-up", Times.seconds(queue.wrapUp()) + " s");
        line("Service-level threshold", threshold + " s");
        line("Required skills", skills(queue.requiredSkills()));
        line("Waiting", queue.waiting());
        line("Longest wait", Times.seconds(queue.longestWait()) + " s");
        line("Agents logged in", queue.agentsLoggedIn());
        line("Agents available", queue.agentsAvailable());
        line("Offered", kpis.offered() + " (calls that entered the queue)");
        line("Answered", kpis.answered() + " (offered calls an agent answered)");
        line("Abandoned", kpis.abandoned() + " (caller hung up before an answer)");
        line("No agent", kpis.noAgent() + " (released: no agent took them in time)");
        line("Service level", Times.percent(kpis.serviceLevel()) + " % (answered within " + threshold + " s / offered; "
                + kpis.answeredWithinServiceLevel() + " within)");
        line("ASA", Times.seconds(kpis.averageSpeedOfAnswer()) + " s (average speed of answer: total wait of "
                + "answered calls / answered)");
        line("AHT", Times.seconds(kpis.averageHandlingTime()) + " s (average handling time: talk + hold + wrap-up "
                + "/ handled; " + kpis.handled() + " handled)");
        line("Abandon rate", Times.percent(kpis.abandonRate()) + " % (abandoned / offered)");
        return null;
    }

    private static String skills(Map<String, Integer> skills) {
        return skills.isEmpty() ? "none"
                : new TreeMap<>(skills).entrySet().stream().map(e -> e.getKey() + ">=" + e.getValue())
                        .collect(Collectors.joining(","));
    }

    private static void line(String key, Object value) {
        System.out.printf("%-24s %s%n", key + ":", value);
    }
}
