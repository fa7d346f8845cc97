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
import org.switchboard.shell.command.completers.PauseReasonCompleter;

@Command(scope = "callcenter", name = "agent-pause", description = "Pauses an agent with a reason; an agent on a call pauses when it ends")
@Service
public class AgentPauseCommand implements Action {

    @Argument(index = 0, name = "agent", description = "Agent id", required = true)
    @Completion(AgentIdCompleter.class)
    String agentId;

    @Argument(index = 1, name = "reason", description = "Pause reason code", required = true)
    @Completion(PauseReasonCompleter.class)
    String reason;

    @Reference
    AgentDesk desk;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AgentStatus status = desk.pause(agentId, reason);
        System.out.println(AgentsCommand.summary(status));
        AuditTrail.record(audit, session, "agent-pause", "agent " + agentId + ", reason " + reason);
        return null;
    }
}
