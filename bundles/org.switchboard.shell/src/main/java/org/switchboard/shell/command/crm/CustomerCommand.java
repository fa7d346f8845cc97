package org.switchboard.shell.command.crm;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.crm.api.Contact;
import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.CustomerCard;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.api.Interaction;

@Command(scope = "callcenter", name = "customer",
        description = "Shows the customer calling from a number (or with an id): their card and last interactions, "
                + "as the agent's screen pop shows them")
@Service
public class CustomerCommand implements Action {

    @Argument(index = 0, name = "phone", description = "The caller's number, or the customer's id", required = true)
    String key;

    @Option(name = "--last", description = "How many interactions to show (default 10)")
    int last = 10;

    @Reference
    CustomerDirectory directory;

    @Override
    public Object execute() {
        CrmAdapter adapter = CrmText.adapterInUse(directory);
        Optional<Customer> customer = adapter.findByPhone(key).or(() -> adapter.findById(key));
        if (customer.isEmpty()) {
            System.out.println("No customer with number or id " + key + " in CRM " + directory.adapterName());
            return null;
        }
        CustomerCard card = adapter.card(customer.get().id(), Math.max(1, last)).orElseThrow();
        Customer found = card.customer();
        ShellTable fields = new ShellTable().noHeaders();
        fields.column("Field");
        fields.column("Value");
        fields.addRow().addContent("Customer", found.id());
        fields.addRow().addContent("Name", found.name());
        fields.addRow().addContent("VIP level", found.vipLevel());
        fields.addRow().addContent("Region", CrmText.text(found.region()));
        fields.addRow().addContent("Owner", CrmText.text(found.ownerAgent()) + (found.ownerTeam() == null ? ""
                : " / " + found.ownerTeam()));
        fields.addRow().addContent("Phones", String.join(", ", found.phones()));
        for (Contact contact : found.contacts()) {
            fields.addRow().addContent("Contact", contact.name() + (contact.role() == null ? "" : " (" + contact.role()
                    + ")") + (contact.phone() == null ? "" : " " + contact.phone())
                    + (contact.email() == null ? "" : " " + contact.email()));
        }
        fields.addRow().addContent("Open tickets", card.openTickets());
        fields.addRow().addContent("Last agent", CrmText.text(card.lastAgent()));
        fields.addRow().addContent("Since", CrmText.time(found.createdAt()));
        fields.print(System.out);

        System.out.println();
        System.out.println("Last interactions:");
        ShellTable interactions = new ShellTable();
        interactions.column("Started");
        interactions.column("Call");
        interactions.column("Phone");
        interactions.column("Queue");
        interactions.column("Agent");
        interactions.column("Disposition");
        interactions.column("Notes").maxSize(40);
        interactions.column("Recording");
        for (Interaction interaction : card.lastInteractions()) {
            interactions.addRow().addContent(CrmText.time(interaction.startedAt()), interaction.callId(),
                    interaction.phone(), CrmText.text(interaction.queue()), CrmText.text(interaction.agentId()),
                    interaction.disposition(), CrmText.text(interaction.notes()),
                    CrmText.text(interaction.recordingId()));
        }
        interactions.print(System.out);
        return null;
    }
}
