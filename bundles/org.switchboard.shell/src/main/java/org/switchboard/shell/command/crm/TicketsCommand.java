package org.switchboard.shell.command.crm;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketQuery;
import org.switchboard.crm.api.TicketStep;

@Command(scope = "callcenter", name = "tickets",
        description = "Lists tickets (complaints) of the CRM in use, newest first; overdue ones by due date")
@Service
public class TicketsCommand implements Action {

    @Option(name = "--open", description = "Only those whose customer has not had feedback yet")
    boolean open;

    @Option(name = "--overdue", description = "Only open ones past their due date")
    boolean overdue;

    @Option(name = "--customer", description = "Only this customer's")
    String customer;

    @Option(name = "--steps", description = "Also every step: who took it, when, and the note")
    boolean steps;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = 50;

    @Reference
    CustomerDirectory directory;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Ticket");
        table.column("Customer");
        table.column("Subject").maxSize(40);
        table.column("Status");
        table.column("Assignee");
        table.column("Received");
        table.column("Due");
        table.column("Overdue");
        TicketQuery query = new TicketQuery(customer, open || overdue, overdue, Math.max(1, limit));
        for (Ticket ticket : CrmText.adapterInUse(directory).tickets(query)) {
            table.addRow().addContent(ticket.id(), ticket.customerId(), ticket.subject(), ticket.status().label(),
                    CrmText.text(ticket.assignee()), CrmText.time(ticket.createdAt()), CrmText.time(ticket.dueAt()),
                    ticket.isOverdue(now) ? "yes" : "");
            if (steps) {
                for (TicketStep step : ticket.steps()) {
                    table.addRow().addContent("", "", "  " + CrmText.text(step.note()), step.status().label(),
                            CrmText.text(step.assignee()), CrmText.time(step.at()), "by " + step.by(), "");
                }
            }
        }
        table.print(System.out);
        return null;
    }
}
