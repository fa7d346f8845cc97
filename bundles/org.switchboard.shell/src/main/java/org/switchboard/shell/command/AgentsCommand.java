package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentStatus;

@Command(scope = "callcenter", name = "agents", description = "Lists agents, their state, queues and phone")
@Service
public class AgentsCommand implements Action {

    @Reference
    AgentDesk desk;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Agent");
        table.column("Name");
        table.column("State");
        table.column("Since");
        table.column("Queues");
        table.column("Call");
        table.column("Phone");
        table.column("Availability");
        for (AgentStatus agent : desk.agents()) {
            table.addRow().addContent(agent.agentId(), agent.name(), agent.state().label(),
                    Times.format(agent.since()), String.join(",", agent.queues()),
                    agent.callId() == null ? "" : agent.callId(),
                    agent.phoneContact() == null ? agent.phone() + " (not registered)" : agent.phoneContact(),
                    agent.availability());
        }
        table.print(System.out);
        return null;
    }
}
