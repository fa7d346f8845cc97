package org.switchboard.shell.command;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.shell.command.completers.CallIdCompleter;

@Command(scope = "callcenter", name = "call", description = "Shows one call: its record, its state changes and the variables gathered about it")
@Service
public class CallCommand implements Action {

    @Argument(index = 0, name = "call", description = "Call id", required = true)
    @Completion(CallIdCompleter.class)
    String callId;

    @Reference
    CallDetailRecordStore records;

    @Override
    public Object execute() {
        CallDetailRecord call = records.find(callId)
                .orElseThrow(() -> new IllegalArgumentException("no call with id '" + callId + "'"));
        Instant now = Instant.now();
        ShellTable record = new ShellTable().noHeaders();
        record.column("Field");
        record.column("Value");
        record.addRow().addContent("Call", call.callId());
        record.addRow().addContent("ANI", call.ani());
        record.addRow().addContent("DNIS", call.dnis());
        record.addRow().addContent("Queue", call.queue());
        record.addRow().addContent("Agent", call.agentId() == null ? "" : call.agentId());
        record.addRow().addContent("State", call.state().name().toLowerCase(Locale.ROOT));
        record.addRow().addContent("Disposition", call.disposition() == null ? "" : call.disposition().label());
        record.addRow().addContent("Arrived", Times.format(call.arrivedAt()));
        record.addRow().addContent("Offered", Times.format(call.offeredAt()));
        record.addRow().addContent("Answered", Times.format(call.answeredAt()));
        record.addRow().addContent("Ended", Times.format(call.endedAt()));
        record.addRow().addContent("Wait s", call.waitSeconds(now));
        record.addRow().addContent("Talk s", call.talkSeconds(now));
        record.print(System.out);

        System.out.println();
        System.out.println("State history:");
        ShellTable history = new ShellTable();
        history.column("Time");
        history.column("State");
        history.column("Detail");
        for (CallStateChange change : records.history(callId)) {
            history.addRow().addContent(Times.format(change.at()), change.state().name().toLowerCase(Locale.ROOT),
                    change.detail());
        }
        history.print(System.out);

        System.out.println();
        Map<String, String> variables = records.variables(callId);
        if (variables.isEmpty()) {
            System.out.println("Variables: none");
        } else {
            System.out.println("Variables:");
            ShellTable table = new ShellTable();
            table.column("Name");
            table.column("Value");
            variables.forEach((name, value) -> table.addRow().addContent(name, value));
            table.print(System.out);
        }
        return null;
    }
}
