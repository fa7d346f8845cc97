package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;

@Command(scope = "callcenter", name = "audit", description = "Lists what operators and administrators did, newest first: when, who, what")
@Service
public class AuditCommand implements Action {

    @Option(name = "-n", aliases = "--limit", description = "How many entries to list, newest first")
    int limit = 50;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        if (limit < 1) {
            throw new IllegalArgumentException("-n must be at least 1, was " + limit);
        }
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("Who");
        table.column("Action");
        table.column("Detail");
        for (AuditEntry entry : audit.recent(limit)) {
            table.addRow().addContent(Times.format(entry.at()), entry.who(), entry.action(), entry.detail());
        }
        table.print(System.out);
        return null;
    }
}
