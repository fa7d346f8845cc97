package org.switchboard.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.shell.command.completers.AgentIdCompleter;
import org.switchboard.shell.command.completers.QueueNameCompleter;

@Command(scope = "callcenter", name = "agent-login", description = "Logs an agent in to queues (by default its configured ones); the agent becomes available")
@Service
public class AgentLoginCommand implements Action {

    @Argument(index = 0, name = "agent", description = "Agent id", required = true)
    @Completion(AgentIdCompleter.class)
    String agentId;

    @Argument(index = 1, name = "queues", description = "Queues to serve; none for the agent's configured queues",
            multiValued = true)
    @Completion(QueueNameCompleter.class)
    List<String> queues;

    @Reference
    AgentDesk desk;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AgentStatus status = desk.login(agentId, queues == null ? List.of() : queues);
        System.out.println("Agent " + status.agentId() + " is " + AgentsCommand.state(status) + " in "
                + String.join(",", status.queues()) + ": " + status.availability());
        AuditTrail.record(audit, session, "agent-login", "agent " + agentId + " to " + String.join(",", status.queues())
                + (queues == null || queues.isEmpty() ? " (its configured queues)" : ""));
        return null;
    }
}
