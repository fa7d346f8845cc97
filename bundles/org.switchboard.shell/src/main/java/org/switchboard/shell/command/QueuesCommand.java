package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AgentDesk;
import org.switchboard.api.acd.QueueStatus;

@Command(scope = "callcenter", name = "queues", description = "Lists queues with their numbers, waiting calls and agents")
@Service
public class QueuesCommand implements Action {

    @Reference
    AgentDesk desk;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Queue");
        table.column("Numbers");
        table.column("Waiting").alignRight();
        table.column("Longest wait s").alignRight();
        table.column("Agents logged in").alignRight();
        table.column("Available").alignRight();
        table.column("Max wait s").alignRight();
        table.column("Ring timeout s").alignRight();
        for (QueueStatus queue : desk.queues()) {
            table.addRow().addContent(queue.name(), String.join(",", queue.numbers()), queue.waiting(),
                    queue.longestWait().toSeconds(), queue.agentsLoggedIn(), queue.agentsAvailable(),
                    queue.maxWait().toSeconds(), queue.ringTimeout().toSeconds());
        }
        table.print(System.out);
        return null;
    }
}
