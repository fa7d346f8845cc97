package org.switchboard.crm.builtin.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.store.UtcTimestamps;
import org.switchboard.crm.api.Interaction;

/** Every call with a customer or lead, one row per call id (table crm_interaction). */
final class InteractionTable {

    private static final String COLUMNS = "call_id, customer_id, lead_id, phone, queue_name, agent_id, disposition, "
            + "started_at, ended_at, notes, recording_id";
    private static final String UPDATE = "UPDATE crm_interaction SET customer_id = ?, lead_id = ?, phone = ?, "
            + "queue_name = ?, agent_id = ?, disposition = ?, started_at = ?, ended_at = ?, notes = ?, "
            + "recording_id = ? WHERE call_id = ?";
    private static final String INSERT = "INSERT INTO crm_interaction (customer_id, lead_id, phone, queue_name, "
            + "agent_id, disposition, started_at, ended_at, notes, recording_id, call_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HISTORY = "SELECT " + COLUMNS + " FROM crm_interaction WHERE customer_id = ? "
            + "ORDER BY started_at DESC, call_id DESC FETCH FIRST ? ROWS ONLY";
    private static final String OF_LEAD = "SELECT " + COLUMNS + " FROM crm_interaction WHERE lead_id = ? "
            + "ORDER BY started_at DESC, call_id DESC";
    private static final String LINK_TO_LEAD = "UPDATE crm_interaction SET lead_id = ? WHERE call_id = ?";
    private static final String MOVE_TO_CUSTOMER = "UPDATE crm_interaction SET customer_id = ? WHERE lead_id = ?";

    private InteractionTable() {
    }

    /** Keeps the interaction, replacing the one of the same call if there is one. */
    static void save(Connection connection, Interaction interaction, String phone) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            bind(update, interaction, phone);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, interaction, phone);
            insert.executeUpdate();
        }
    }

    /** Newest first. */
    static List<Interaction> history(Connection connection, String customerId, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(HISTORY)) {
            select.setString(1, customerId);
            select.setInt(2, limit);
            return read(select);
        }
    }

    static List<Interaction> ofLead(Connection connection, String leadId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OF_LEAD)) {
            select.setString(1, leadId);
            return read(select);
        }
    }

    static void linkToLead(Connection connection, String callId, String leadId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(LINK_TO_LEAD)) {
            update.setString(1, leadId);
            update.setString(2, callId);
            update.executeUpdate();
        }
    }

    /** The lead's interactions become the customer's; they keep naming the lead they came from. */
    static void moveLeadToCustomer(Connection connection, String leadId, String customerId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MOVE_TO_CUSTOMER)) {
            update.setString(1, customerId);
            update.setString(2, leadId);
            update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Interaction interaction, String phone)
            throws SQLException {
        statement.setString(1, interaction.customerId());
        statement.setString(2, interaction.leadId());
        statement.setString(3, phone);
        statement.setString(4, Texts.clip(interaction.queue(), 128));
        statement.setString(5, Texts.clip(interaction.agentId(), 128));
        statement.setString(6, Texts.clip(interaction.disposition(), 32));
        UtcTimestamps.set(statement, 7, interaction.startedAt());
        UtcTimestamps.set(statement, 8, interaction.endedAt());
        statement.setString(9, Texts.clip(interaction.notes(), 2000));
        statement.setString(10, Texts.clip(interaction.recordingId(), 128));
        statement.setString(11, interaction.callId());
    }

    private static List<Interaction> read(PreparedStatement select) throws SQLException {
        List<Interaction> interactions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                interactions.add(new Interaction(rows.getString("call_id"), rows.getString("customer_id"),
                        rows.getString("lead_id"), rows.getString("phone"), rows.getString("queue_name"),
                        rows.getString("agent_id"), rows.getString("disposition"),
                        UtcTimestamps.get(rows, "started_at"), UtcTimestamps.get(rows, "ended_at"),
                        rows.getString("notes"), rows.getString("recording_id")));
            }
        }
        return interactions;
    }
}
