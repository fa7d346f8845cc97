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
import org.switchboard.crm.builtin.AttemptResult;
import org.switchboard.crm.builtin.Campaign;
import org.switchboard.crm.builtin.CampaignEntry;

/** Campaign lists and their entries (tables crm_campaign, crm_campaign_entry). */
final class CampaignTable {

    private static final String ENTRY_COLUMNS = "id, campaign_name, customer_id, phone, attempts, last_result, "
            + "last_attempt_at, last_note, do_not_call";
    private static final String TO_CALL = "SELECT e.id, e.campaign_name, e.customer_id, e.phone, e.attempts, "
            + "e.last_result, e.last_attempt_at, e.last_note, e.do_not_call FROM crm_campaign_entry e "
            + "JOIN crm_campaign c ON c.name = e.campaign_name WHERE e.campaign_name = ? AND e.do_not_call = FALSE "
            + "AND (e.last_result IS NULL OR e.last_result <> 'reached') AND e.attempts < c.max_attempts "
            + "ORDER BY e.attempts, e.id FETCH FIRST ? ROWS ONLY";

    private CampaignTable() {
    }

    static Campaign create(Connection connection, String name, String description, int maxAttempts, Instant now)
            throws SQLException {
        if (find(connection, name).isPresent()) {
            throw new CrmException("There is a campaign " + name + " already");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_campaign (name, description, max_attempts, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, Texts.clip(Texts.orNull(description), 500));
            insert.setInt(3, maxAttempts);
            UtcTimestamps.set(insert, 4, now);
            insert.executeUpdate();
        }
        return find(connection, name).orElseThrow();
    }

    static Optional<Campaign> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, description, max_attempts, created_at FROM crm_campaign WHERE name = ?")) {
            select.setString(1, name);
            return readCampaigns(select).stream().findFirst();
        }
    }

    static List<Campaign> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, description, max_attempts, created_at FROM crm_campaign ORDER BY name")) {
            return readCampaigns(select);
        }
    }

    static CampaignEntry add(Connection connection, String campaign, String customerId, String phone)
            throws SQLException {
        if (find(connection, campaign).isEmpty()) {
            throw new CrmException("No campaign " + campaign);
        }
        if (customerId != null && !CustomerTable.exists(connection, customerId)) {
            throw new CrmException("No customer " + customerId);
        }
        if (entry(connection, campaign, phone).isPresent()) {
            throw new CrmException("The number " + phone + " is in campaign " + campaign + " already");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_campaign_entry "
                + "(campaign_name, customer_id, phone, attempts, do_not_call) VALUES (?, ?, ?, 0, ?)")) {
            insert.setString(1, campaign);
            insert.setString(2, customerId);
            insert.setString(3, phone);
            insert.setBoolean(4, isDoNotCall(connection, phone));
            insert.executeUpdate();
        }
        return entry(connection, campaign, phone).orElseThrow();
    }

    static List<CampaignEntry> entries(Connection connection, String campaign) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM crm_campaign_entry WHERE campaign_name = ? ORDER BY id")) {
            select.setString(1, campaign);
            return readEntries(select);
        }
    }

    static List<CampaignEntry> toCall(Connection connection, String campaign, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TO_CALL)) {
            select.setString(1, campaign);
            select.setInt(2, limit);
            return readEntries(select);
        }
    }

    static CampaignEntry recordAttempt(Connection connection, long entryId, AttemptResult result, String note,
            Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_campaign_entry SET "
                + "attempts = attempts + 1, last_result = ?, last_attempt_at = ?, last_note = ? WHERE id = ?")) {
            update.setString(1, result.label());
            UtcTimestamps.set(update, 2, now);
            update.setString(3, Texts.clip(Texts.orNull(note), 500));
            update.setLong(4, entryId);
            if (update.executeUpdate() != 1) {
                throw new CrmException("No campaign entry " + entryId);
            }
        }
        CampaignEntry entry = entry(connection, entryId).orElseThrow();
        if (result == AttemptResult.DO_NOT_CALL) {
            markDoNotCall(connection, entry.phone());
            return entry(connection, entryId).orElseThrow();
        }
        return entry;
    }

    static void markDoNotCall(Connection connection, String phone) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_campaign_entry SET do_not_call = TRUE WHERE phone = ?")) {
            update.setString(1, phone);
            update.executeUpdate();
        }
        // Remembered for lists made later even when the number is in no campaign yet.
        if (!isDoNotCall(connection, phone)) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO crm_do_not_call (phone) VALUES (?)")) {
                insert.setString(1, phone);
                insert.executeUpdate();
            }
        }
    }

    private static boolean isDoNotCall(Connection connection, String phone) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM crm_do_not_call WHERE phone = ?")) {
            select.setString(1, phone);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Optional<CampaignEntry> entry(Connection connection, String campaign, String phone)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM crm_campaign_entry WHERE campaign_name = ? AND phone = ?")) {
            select.setString(1, campaign);
            select.setString(2, phone);
            return readEntries(select).stream().findFirst();
        }
    }

    private static Optional<CampaignEntry> entry(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM crm_campaign_entry WHERE id = ?")) {
            select.setLong(1, id);
            return readEntries(select).stream().findFirst();
        }
    }

    private static List<Campaign> readCampaigns(PreparedStatement select) throws SQLException {
        List<Campaign> campaigns = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                campaigns.add(new Campaign(rows.getString("name"), rows.getString("description"),
                        rows.getInt("max_attempts"), UtcTimestamps.get(rows, "created_at")));
            }
        }
        return campaigns;
    }

    private static List<CampaignEntry> readEntries(PreparedStatement select) throws SQLException {
        List<CampaignEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String result = rows.getString("last_result");
                entries.add(new CampaignEntry(rows.getLong("id"), rows.getString("campaign_name"),
                        rows.getString("customer_id"), rows.getString("phone"), rows.getInt("attempts"),
                        result == null ? null : AttemptResult.fromLabel(result),
                        UtcTimestamps.get(rows, "last_attempt_at"), rows.getString("last_note"),
                        rows.getBoolean("do_not_call")));
            }
        }
        return entries;
    }
}
