package org.switchboard.shell.command.crm;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.crm.api.CustomerDirectory;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketStatus;
import org.switchboard.shell.command.AuditTrail;

@Command(scope = "callcenter", name = "ticket-step",
        description = "Takes the next step of a ticket: assigned (to a branch or team, --to), checked, resolved, "
                + "feedback-given; recorded with the shell user and the time")
@Service
public class TicketStepCommand implements Action {

    @Argument(index = 0, name = "ticket", description = "Ticket id", required = true)
    String ticketId;

    @Argument(index = 1, name = "status", description = "assigned, checked, resolved or feedback-given",
            required = true)
    @Completion(TicketStatusCompleter.class)
    String status;

    @Argument(index = 2, name = "note", description = "What was done or found", required = false)
    String note;

    @Option(name = "--to", description = "The branch or team, for assigned")
    String assignee;

    @Reference
    CustomerDirectory directory;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        TicketStatus next;
        try {
            next = TicketStatus.fromLabel(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + status + "' is not a ticket status: received, assigned, checked, "
                    + "resolved, feedback-given");
        }
        Ticket ticket = CrmText.adapterInUse(directory).moveTicket(ticketId,
                new TicketChange(next, AuditTrail.who(session), assignee, note));
        System.out.println("Ticket " + ticket.id() + " is " + ticket.status().label()
                + (ticket.assignee() == null ? "" : ", with " + ticket.assignee()));
        AuditTrail.record(audit, session, "ticket-step", "ticket " + ticketId + " to " + next.label()
                + (assignee == null ? "" : " (" + assignee + ")") + (note == null ? "" : ": " + note));
        return null;
    }
}
