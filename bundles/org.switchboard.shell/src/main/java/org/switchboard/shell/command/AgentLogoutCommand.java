package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentState;
import org.switchboard.api.acd.AgentStatus;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.shell.command.completers.AgentIdCompleter;

@Command(scope = "callcenter", name = "agent-logout", description = "Logs an agent out; an agent on a call is logged out when the call ends")
@Service
public class AgentLogoutCommand implements Action {

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
        AgentStatus status = desk.logout(agentId);
        System.out.println(status.state() == AgentState.LOGGED_OUT ? "Agent " + agentId + " is logged out"
                : "Agent " + agentId + " is " + status.state().label() + " and will be logged out after call "
                        + status.callId());
        AuditTrail.record(audit, session, "agent-logout", "agent " + agentId
                + (status.state() == AgentState.LOGGED_OUT ? "" : " (after call " + status.callId() + ")"));
        return null;
    }
}
