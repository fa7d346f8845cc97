package org.switchboard.crm.builtin.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** New ids such as {@code C000042} from a Derby sequence, skipping any already taken (by an import). */
final class Ids {

    private Ids() {
    }

    static String next(Connection connection, String sequence, String prefix, String table) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("VALUES NEXT VALUE FOR " + sequence);
                PreparedStatement taken = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            while (true) {
                long value;
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    value = row.getLong(1);
                }
                String id = prefix + String.format(Locale.ROOT, "%06d", value);
                taken.setString(1, id);
                try (ResultSet row = taken.executeQuery()) {
                    if (!row.next()) {
                        return id;
                    }
                }
            }
        }
    }
}
