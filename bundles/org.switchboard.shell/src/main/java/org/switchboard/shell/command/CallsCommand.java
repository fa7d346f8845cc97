package org.switchboard.shell.command;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;

@Command(scope = "callcenter", name = "calls", description = "Lists the most recent calls with their call detail records")
@Service
public class CallsCommand implements Action {

    @Option(name = "-n", aliases = "--limit", description = "How many calls to list, newest first")
    int limit = 50;

    @Reference
    CallDetailRecordStore records;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Call");
        table.column("ANI");
        table.column("DNIS");
        table.column("Queue");
        table.column("Agent");
        table.column("Arrived");
        table.column("Offered");
        table.column("Answered");
        table.column("Ended");
        table.column("Wait s").alignRight();
        table.column("Talk s").alignRight();
        table.column("Disposition");
        for (CallDetailRecord call : records.recent(limit)) {
            table.addRow().addContent(call.callId(), call.ani(), call.dnis(), call.queue(),
                    call.agentId() == null ? "" : call.agentId(), Times.format(call.arrivedAt()),
                    Times.format(call.offeredAt()), Times.format(call.answeredAt()), Times.format(call.endedAt()),
                    call.waitSeconds(now), call.talkSeconds(now),
                    call.disposition() == null ? call.state().name().toLowerCase() : call.disposition().label());
        }
        table.print(System.out);
        return null;
    }
}
