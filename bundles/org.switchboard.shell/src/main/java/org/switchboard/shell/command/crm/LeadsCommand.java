package org.switchboard.shell.command.crm;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;

@Command(scope = "callcenter", name = "leads", description = "Lists sales leads of the CRM in use, newest first")
@Service
public class LeadsCommand implements Action {

    @Option(name = "--status", description = "Only leads in this status: new, assigned, converted, lost")
    String status;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = 50;

    @Reference
    CustomerDirectory directory;

    @Override
    public Object execute() {
        LeadStatus only = null;
        if (status != null) {
            try {
                only = LeadStatus.fromLabel(status);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + status + "' is not a lead status: new, assigned, converted, "
                        + "lost");
            }
        }
        ShellTable table = new ShellTable();
        table.column("Lead");
        table.column("Name");
        table.column("Phone");
        table.column("Email");
        table.column("Source");
        table.column("Status");
        table.column("Agent");
        table.column("Customer");
        table.column("Created");
        for (Lead lead : CrmText.adapterInUse(directory).leads(only, Math.max(1, limit))) {
            table.addRow().addContent(lead.id(), lead.name(), CrmText.text(lead.phone()), CrmText.text(lead.email()),
                    lead.source(), lead.status().label(), CrmText.text(lead.assignedAgent()),
                    CrmText.text(lead.convertedCustomerId()), CrmText.time(lead.createdAt()));
        }
        table.print(System.out);
        return null;
    }
}
