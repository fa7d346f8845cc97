package org.switchboard.crm.builtin.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.switchboard.api.store.UtcTimestamps;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketQuery;
import org.switchboard.crm.api.TicketStatus;
import org.switchboard.crm.api.TicketStep;

/** Tickets and the steps of their workflow (tables crm_ticket, crm_ticket_step). */
final class TicketTable {

    private static final String COLUMNS = "id, customer_id, subject, status, assignee, call_id, created_at, due_at";
    private static final String INSERT = "INSERT INTO crm_ticket (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STEP = "INSERT INTO crm_ticket_step "
            + "(ticket_id, status, taken_by, taken_at, assignee, note) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_ticket WHERE id = ?";
    private static final String STEPS = "SELECT status, taken_by, taken_at, assignee, note FROM crm_ticket_step "
            + "WHERE ticket_id = ? ORDER BY id";
    // Moves only from the status read, so that two steps taken at once cannot both pass the workflow check.
    private static final String MOVE = "UPDATE crm_ticket SET status = ?, assignee = ? WHERE id = ? AND status = ?";

    private TicketTable() {
    }

    static Ticket insert(Connection connection, String id, NewTicket ticket, Instant now) throws SQLException {
        if (!CustomerTable.exists(connection, ticket.customerId())) {
            throw new CrmException("No customer " + ticket.customerId());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, id);
            insert.setString(2, ticket.customerId());
            insert.setString(3, Texts.clip(ticket.subject(), 500));
            insert.setString(4, TicketStatus.RECEIVED.label());
            insert.setString(5, null);
            insert.setString(6, ticket.callId());
            UtcTimestamps.set(insert, 7, now);
            UtcTimestamps.set(insert, 8, ticket.dueAt());
            insert.executeUpdate();
        }
        insertStep(connection, id, new TicketStep(TicketStatus.RECEIVED, ticket.by(), now, null, ticket.note()));
        return find(connection, id).orElseThrow();
    }

    static Ticket move(Connection connection, String id, TicketChange change, Instant now) throws SQLException {
        Ticket ticket = find(connection, id).orElseThrow(() -> new CrmException("No ticket " + id));
        if (!ticket.status().canMoveTo(change.to())) {
            throw new CrmException("Ticket " + id + " is " + ticket.status().label() + "; it cannot move to "
                    + change.to().label() + " (allowed: " + labels(ticket.status()) + ")");
        }
        String assignee = change.to() == TicketStatus.ASSIGNED ? change.assignee().trim() : ticket.assignee();
        try (PreparedStatement update = connection.prepareStatement(MOVE)) {
            update.setString(1, change.to().label());
            update.setString(2, Texts.clip(assignee, 128));
            update.setString(3, id);
            update.setString(4, ticket.status().label());
            if (update.executeUpdate() != 1) {
                throw new CrmException("Ticket " + id + " was changed by someone else meanwhile; try again");
            }
        }
        insertStep(connection, id, new TicketStep(change.to(), change.by(), now,
                change.to() == TicketStatus.ASSIGNED ? assignee : null, change.note()));
        return find(connection, id).orElseThrow();
    }

    static Optional<Ticket> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, id);
            List<Ticket> found = read(connection, select);
            return found.stream().findFirst();
        }
    }

    static List<Ticket> query(Connection connection, TicketQuery query, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_ticket WHERE 1 = 1");
        if (query.customerId() != null) {
            sql.append(" AND customer_id = ?");
        }
        if (query.openOnly() || query.overdueOnly()) {
            sql.append(" AND status <> '").append(TicketStatus.FEEDBACK_GIVEN.label()).append('\'');
        }
        if (query.overdueOnly()) {
            sql.append(" AND due_at IS NOT NULL AND due_at < ?");
        }
        sql.append(query.overdueOnly() ? " ORDER BY due_at, id" : " ORDER BY created_at DESC, id DESC");
        sql.append(" FETCH FIRST ? ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            if (query.customerId() != null) {
                select.setString(index++, query.customerId());
            }
            if (query.overdueOnly()) {
                UtcTimestamps.set(select, index++, now);
            }
            select.setInt(index, query.limit());
            return read(connection, select);
        }
    }

    private static void insertStep(Connection connection, String id, TicketStep step) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STEP)) {
            insert.setString(1, id);
            insert.setString(2, step.status().label());
            insert.setString(3, Texts.clip(step.by(), 128));
            UtcTimestamps.set(insert, 4, step.at());
            insert.setString(5, step.assignee());
            insert.setString(6, Texts.clip(step.note(), 2000));
            insert.executeUpdate();
        }
    }

    private static List<Ticket> read(Connection connection, PreparedStatement select) throws SQLException {
        List<Ticket> tickets = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                tickets.add(new Ticket(id, rows.getString("customer_id"), rows.getString("subject"),
                        TicketStatus.fromLabel(rows.getString("status")), rows.getString("assignee"),
                        rows.getString("call_id"), UtcTimestamps.get(rows, "created_at"),
                        UtcTimestamps.get(rows, "due_at"), steps(connection, id)));
            }
        }
        return tickets;
    }

    private static List<TicketStep> steps(Connection connection, String id) throws SQLException {
        List<TicketStep> steps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(STEPS)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(new TicketStep(TicketStatus.fromLabel(rows.getString("status")),
                            rows.getString("taken_by"), UtcTimestamps.get(rows, "taken_at"),
                            rows.getString("assignee"), rows.getString("note")));
                }
            }
        }
        return steps;
    }

    private static String labels(TicketStatus status) {
        List<String> labels = new ArrayList<>();
        status.allowedNext().forEach(next -> labels.add(next.label()));
        return labels.isEmpty() ? "none, the ticket is closed" : String.join(", ", labels);
    }
}
