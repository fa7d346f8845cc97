package org.switchboard.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections to the Switchboard database; the caller closes each one. */
public interface ConnectionSource {

    Connection open() throws SQLException;
}
