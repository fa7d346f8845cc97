package org.switchboard.shell.command.crm;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerDirectory;

@Command(scope = "callcenter", name = "customers",
        description = "Lists customers of the CRM in use whose name, id, number or region contains a text")
@Service
public class CustomersCommand implements Action {

    @Option(name = "--search", aliases = "-s", description = "Text to look for, ignoring case (default: all)")
    String search = "";

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = 50;

    @Reference
    CustomerDirectory directory;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Customer");
        table.column("Name");
        table.column("VIP");
        table.column("Region");
        table.column("Owner");
        table.column("Phones");
        for (Customer customer : CrmText.adapterInUse(directory).search(search, Math.max(1, limit))) {
            table.addRow().addContent(customer.id(), customer.name(), customer.vipLevel(),
                    CrmText.text(customer.region()), CrmText.text(customer.ownerAgent())
                            + (customer.ownerTeam() == null ? "" : " / " + customer.ownerTeam()),
                    String.join(", ", customer.phones()));
        }
        table.print(System.out);
        return null;
    }
}
