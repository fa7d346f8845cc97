package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.Supervision;

@Command(scope = "callcenter", name = "supervisions",
        description = "Lists the supervisors' phones in calls now (callcenter:listen)")
@Service
public class SupervisionsCommand implements Action {

    @Reference
    CallControl calls;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Call");
        table.column("Supervisor");
        table.column("Mode");
        table.column("State");
        for (Supervision supervision : calls.supervisions()) {
            table.addRow().addContent(supervision.callId(), supervision.extension(),
                    supervision.mode().name().toLowerCase(), supervision.connected() ? "connected" : "ringing");
        }
        table.print(System.out);
        return null;
    }
}
