package org.switchboard.shell.command.crm;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.shell.command.AuditTrail;

@Command(scope = "callcenter", name = "crm-use",
        description = "Makes the server use a CRM adapter from the next lookup on (written to "
                + "etc/org.switchboard.crm.cfg); calls in progress are not touched")
@Service
public class CrmUseCommand implements Action {

    @Argument(index = 0, name = "name", description = "Adapter name, for example builtin or rest", required = true)
    @Completion(CrmAdapterNameCompleter.class)
    String name;

    @Reference
    CustomerDirectory directory;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        String previous = directory.adapterName();
        directory.useAdapter(name);
        String message = "The CRM uses adapter " + name + " (was " + previous + ")";
        if (!directory.adapterNames().contains(name)) {
            message += "; it is not running: callers are unknown until it is (running: "
                    + (directory.adapterNames().isEmpty() ? "none" : String.join(", ", directory.adapterNames()))
                    + ")";
        }
        System.out.println(message);
        AuditTrail.record(audit, session, "crm-use", "adapter " + name + " (was " + previous + ")");
        return null;
    }
}
