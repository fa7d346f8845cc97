package org.switchboard.crm.builtin.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.switchboard.api.store.UtcTimestamps;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;

/** Sales leads (table crm_lead). */
final class LeadTable {

    private static final String COLUMNS = "id, name, phone, email, source, status, assigned_agent, "
            + "converted_customer_id, call_id, notes, created_at";
    private static final String INSERT = "INSERT INTO crm_lead (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_lead WHERE id = ?";
    private static final String OF_CALL = "SELECT id FROM crm_lead WHERE call_id = ? ORDER BY created_at DESC";
    // Changes only an open lead, so that a lead cannot be converted twice by two operators at once.
    private static final String CHANGE_OPEN = "UPDATE crm_lead SET status = ?, assigned_agent = ?, "
            + "converted_customer_id = ?, notes = ? WHERE id = ? AND status IN ('new', 'assigned')";

    private LeadTable() {
    }

    /** @param callId the call the lead comes from, or {@code null} */
    static void insert(Connection connection, Lead lead, String callId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, lead.id());
            insert.setString(2, Texts.clip(lead.name(), 200));
            insert.setString(3, lead.phone());
            insert.setString(4, Texts.clip(lead.email(), 254));
            insert.setString(5, Texts.clip(lead.source(), 64));
            insert.setString(6, lead.status().label());
            insert.setString(7, Texts.clip(lead.assignedAgent(), 128));
            insert.setString(8, lead.convertedCustomerId());
            insert.setString(9, callId);
            insert.setString(10, Texts.clip(lead.notes(), 2000));
            UtcTimestamps.set(insert, 11, lead.createdAt());
            insert.executeUpdate();
        }
    }

    static Optional<Lead> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, id);
            return read(select).stream().findFirst();
        }
    }

    static Lead open(Connection connection, String id) throws SQLException {
        Lead lead = find(connection, id).orElseThrow(() -> new CrmException("No lead " + id));
        if (!lead.status().isOpen()) {
            throw new CrmException("Lead " + id + " is " + lead.status().label() + " already");
        }
        return lead;
    }

    /** The most recent lead created from the call, if any. */
    static Optional<String> ofCall(Connection connection, String callId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OF_CALL)) {
            select.setString(1, callId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Changes an open lead to {@code changed}; refused when it was closed meanwhile. */
    static Lead changeOpen(Connection connection, Lead changed) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(CHANGE_OPEN)) {
            update.setString(1, changed.status().label());
            update.setString(2, Texts.clip(changed.assignedAgent(), 128));
            update.setString(3, changed.convertedCustomerId());
            update.setString(4, Texts.clip(changed.notes(), 2000));
            update.setString(5, changed.id());
            if (update.executeUpdate() != 1) {
                throw new CrmException("Lead " + changed.id() + " is closed already");
            }
        }
        return find(connection, changed.id()).orElseThrow();
    }

    static List<Lead> list(Connection connection, LeadStatus status, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM crm_lead" + (status == null ? "" : " WHERE status = ?")
                + " ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            if (status != null) {
                select.setString(index++, status.label());
            }
            select.setInt(index, limit);
            return read(select);
        }
    }

    static List<Lead> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM crm_lead ORDER BY id")) {
            return read(select);
        }
    }

    static boolean exists(Connection connection, String id) throws SQLException {
        return find(connection, id).isPresent();
    }

    private static List<Lead> read(PreparedStatement select) throws SQLException {
        List<Lead> leads = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                leads.add(new Lead(rows.getString("id"), rows.getString("name"), rows.getString("phone"),
                        rows.getString("email"), rows.getString("source"),
                        LeadStatus.fromLabel(rows.getString("status")), rows.getString("assigned_agent"),
                        rows.getString("converted_customer_id"), rows.getString("notes"),
                        UtcTimestamps.get(rows, "created_at")));
            }
        }
        return leads;
    }
}
