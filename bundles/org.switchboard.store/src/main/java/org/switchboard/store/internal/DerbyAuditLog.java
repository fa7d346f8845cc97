package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.call.StoreException;
import org.switchboard.api.store.UtcTimestamps;

/** Keeps the audit log of operators' and administrators' actions in the Switchboard database. */
@Component(service = AuditLog.class)
public class DerbyAuditLog implements AuditLog {

    private static final int WHO_LENGTH = 128;
    private static final int ACTION_LENGTH = 64;
    private static final int DETAIL_LENGTH = 1000;
    private static final String RECORD = "INSERT INTO audit_entry (acted_at, who, action, detail) VALUES (?, ?, ?, ?)";
    private static final String RECENT = "SELECT acted_at, who, action, detail FROM audit_entry "
            + "ORDER BY acted_at DESC, id DESC FETCH FIRST ? ROWS ONLY";

    private final ConnectionSource connections;

    @Activate
    public DerbyAuditLog(@Reference(name = "connections") ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void record(AuditEntry entry) {
        try (Connection connection = connections.open();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            UtcTimestamps.set(insert, 1, entry.at());
            insert.setString(2, clip(entry.who(), WHO_LENGTH));
            insert.setString(3, clip(entry.action(), ACTION_LENGTH));
            insert.setString(4, clip(entry.detail(), DETAIL_LENGTH));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot record " + entry.action() + " by " + entry.who() + " in the audit log",
                    e);
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of(); // Derby refuses FETCH FIRST 0 ROWS
        }
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(RECENT)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new AuditEntry(UtcTimestamps.get(rows, "acted_at"), rows.getString("who"),
                            rows.getString("action"), rows.getString("detail")));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the " + limit + " most recent audit entries", e);
        }
    }

    /** An entry is never refused for its length; the column keeps the beginning. */
    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
