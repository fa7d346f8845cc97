package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.sip.SourceGuard;
import org.switchboard.api.sip.SourceLockout;

@Command(scope = "callcenter", name = "lockouts",
        description = "Lists the source addresses locked out after too many failed authentications")
@Service
public class LockoutsCommand implements Action {

    @Reference
    SourceGuard guard;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Source");
        table.column("Failures");
        table.column("Until");
        for (SourceLockout lockout : guard.lockouts()) {
            table.addRow().addContent(lockout.source(), lockout.failures(), Times.format(lockout.until()));
        }
        table.print(System.out);
        return null;
    }
}
