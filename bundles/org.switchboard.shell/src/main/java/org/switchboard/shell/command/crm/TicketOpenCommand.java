package org.switchboard.shell.command.crm;

import java.time.Duration;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.shell.command.AuditTrail;

@Command(scope = "callcenter", name = "ticket-open",
        description = "Opens a ticket (complaint) for a customer; it starts received")
@Service
public class TicketOpenCommand implements Action {

    @Argument(index = 0, name = "customer", description = "Customer id", required = true)
    String customerId;

    @Argument(index = 1, name = "subject", description = "What it is about, in a line", required = true)
    String subject;

    @Option(name = "--due-hours", description = "Due this many hours from now (default: no due date)")
    int dueHours;

    @Option(name = "--call", description = "The call it comes from")
    String callId;

    @Option(name = "--note", description = "The complaint in the customer's words")
    String note;

    @Reference
    CustomerDirectory directory;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        Instant due = dueHours > 0 ? Instant.now().plus(Duration.ofHours(dueHours)) : null;
        Ticket ticket = CrmText.adapterInUse(directory).createTicket(new NewTicket(customerId, subject, callId, due,
                AuditTrail.who(session), note));
        System.out.println("Ticket " + ticket.id() + " received for customer " + customerId
                + (due == null ? "" : ", due " + CrmText.time(due)));
        AuditTrail.record(audit, session, "ticket-open", "ticket " + ticket.id() + " for customer " + customerId
                + ": " + subject);
        return null;
    }
}
