package org.switchboard.shell.command;

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

@Command(scope = "callcenter", name = "agent-ready", description = "Makes a paused agent, or one in wrap-up, available")
@Service
public class AgentReadyCommand implements Action {

    @Argument(index = 0, name = "agent", description = "Agent id", required = true)
    @Completion(AgentIdCompleter.class)
    String agentId;

    @Reference
    AgentDesk desk;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AgentStatus status = desk.ready(agentId);
        System.out.println(AgentsCommand.summary(status));
        AuditTrail.record(audit, session, "agent-ready", "agent " + agentId);
        return null;
    }
}
