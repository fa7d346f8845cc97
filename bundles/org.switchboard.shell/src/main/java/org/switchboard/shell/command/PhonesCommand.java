package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.api.sip.PhoneRegistry;

@Command(scope = "callcenter", name = "phones", description = "Lists the phones registered with the server")
@Service
public class PhonesCommand implements Action {

    @Reference
    PhoneRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Phone");
        table.column("Contact");
        table.column("Expires");
        for (PhoneRegistration phone : registry.all()) {
            table.addRow().addContent(phone.user(), phone.contact(), Times.format(phone.expiresAt()));
        }
        table.print(System.out);
        return null;
    }
}
