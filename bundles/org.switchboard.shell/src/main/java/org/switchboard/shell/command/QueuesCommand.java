package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.QueueKpis;
import org.switchboard.api.acd.QueueStatus;

@Command(scope = "callcenter", name = "queues", description = "Lists queues with their strategy, waiting calls, agents and KPIs")
@Service
public class QueuesCommand implements Action {

    @Reference
    AgentDesk desk;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Queue");
        table.column("Numbers");
        table.column("Strategy");
        table.column("Waiting").alignRight();
        table.column("Longest wait s").alignRight();
        table.column("Logged in").alignRight();
        table.column("Available").alignRight();
        table.column("Offered").alignRight();
        table.column("Answered").alignRight();
        table.column("Abandoned").alignRight();
        table.column("SL %").alignRight();
        table.column("ASA s").alignRight();
        table.column("AHT s").alignRight();
        for (QueueStatus queue : desk.queues()) {
            QueueKpis kpis = kpis(queue);
            table.addRow().addContent(queue.name(), String.join(",", queue.numbers()), strategy(queue),
                    queue.waiting(), Times.seconds(queue.longestWait()), queue.agentsLoggedIn(),
                    queue.agentsAvailable(), kpis.offered(), kpis.answered(), kpis.abandoned(),
                    Times.percent(kpis.serviceLevel()), Times.seconds(kpis.averageSpeedOfAnswer()),
                    Times.seconds(kpis.averageHandlingTime()));
        }
        table.print(System.out);
        return null;
    }

    /** The strategy deciding now, marked when it stands in for the queue's own: "longest-idle (fallback for x)". */
    static String strategy(QueueStatus queue) {
        return queue.strategyInUse().equals(queue.strategy()) ? queue.strategyInUse()
                : queue.strategyInUse() + " (fallback for " + queue.strategy() + ")";
    }

    static QueueKpis kpis(QueueStatus queue) {
        return queue.kpis() == null ? QueueKpis.NONE : queue.kpis();
    }
}
