package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.AgentKpis;
import org.switchboard.api.acd.AgentStatus;

@Command(scope = "callcenter", name = "agents", description = "Lists agents, their state, queues, phone and work today")
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
        table.column("Answered").alignRight();
        table.column("Occupancy %").alignRight();
        table.column("Availability");
        for (AgentStatus agent : desk.agents()) {
            AgentKpis kpis = agent.kpis() == null ? AgentKpis.NONE : agent.kpis();
            table.addRow().addContent(agent.agentId(), agent.name(), state(agent), Times.format(agent.since()),
                    String.join(",", agent.queues()), agent.callId() == null ? "" : agent.callId(),
                    agent.phoneContact() == null ? agent.phone() + " (not registered)" : agent.phoneContact(),
                    kpis.answered(), Times.percent(kpis.occupancy()), agent.availability());
        }
        table.print(System.out);
        return null;
    }

    /** "Agent 1001 is on-call: busy with call c-42, pauses (lunch) after it"; availability only when it adds. */
    static String summary(AgentStatus agent) {
        String state = state(agent);
        return "Agent " + agent.agentId() + " is " + state
                + (agent.availability().equals(state) ? "" : ": " + agent.availability());
    }

    /** The state, with the pause reason when there is one: "paused (lunch)". */
    static String state(AgentStatus agent) {
        return agent.pauseReason() == null ? agent.state().label()
                : agent.state().label() + " (" + agent.pauseReason() + ")";
    }
}
