package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.QueueStatus;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.shell.command.completers.QueueNameCompleter;
import org.switchboard.shell.command.completers.StrategyNameCompleter;

@Command(scope = "callcenter", name = "strategy-set", description = "Makes a queue use a routing strategy, from its next decision on")
@Service
public class StrategySetCommand implements Action {

    @Argument(index = 0, name = "queue", description = "Queue name", required = true)
    @Completion(QueueNameCompleter.class)
    String queue;

    @Argument(index = 1, name = "strategy", description = "Routing strategy name", required = true)
    @Completion(StrategyNameCompleter.class)
    String strategy;

    @Reference
    AgentDesk desk;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        desk.setStrategy(queue, strategy);
        boolean installed = desk.strategies().stream().anyMatch(s -> s.name().equals(strategy));
        String message = "Queue " + queue + " now uses " + strategy;
        if (!installed) {
            String fallback = desk.queue(queue).map(QueueStatus::fallbackStrategy).orElse("of the queue");
            message += " (not installed: the fallback strategy " + fallback + " decides until it is)";
        }
        System.out.println(message);
        AuditTrail.record(audit, session, "strategy-set", "queue " + queue + " to strategy " + strategy);
        return null;
    }
}
