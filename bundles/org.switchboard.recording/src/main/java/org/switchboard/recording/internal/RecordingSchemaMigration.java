package org.switchboard.recording.internal;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the recording tables up to date with the Liquibase changelog packed in this bundle. The tables live
 * in the Switchboard database, whose store has already applied its own changelog when it offers its data
 * source; a separate changelog file keeps the two histories apart in Liquibase's shared bookkeeping tables.
 */
final class RecordingSchemaMigration {

    static final String CHANGELOG = "db/changelog/switchboard-recording.xml";

    private RecordingSchemaMigration() {
    }

    /** Applies the change sets not yet applied; the caller keeps and closes the connection. */
    static void update(Connection connection) throws Exception {
        ClassLoader bundleLoader = RecordingSchemaMigration.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.classLoader.name(), bundleLoader,
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(bundleLoader),
                Scope.Attr.ui.name(), new LoggerUIService());
        Thread thread = Thread.currentThread();
        ClassLoader previousContextLoader = thread.getContextClassLoader();
        // Liquibase also looks things up through the context class loader, which may be anything (or null) on
        // the thread that activates the component.
        thread.setContextClassLoader(bundleLoader);
        try {
            Scope.child(scope, () -> run(connection));
            endTransaction(connection, true);
        } catch (Exception e) {
            try {
                endTransaction(connection, false);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            thread.setContextClassLoader(previousContextLoader);
        }
    }

    private static void endTransaction(Connection connection, boolean succeeded) throws SQLException {
        if (!connection.getAutoCommit()) {
            if (succeeded) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    private static void run(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                new JdbcConnection(connection));
        if (database instanceof DerbyDatabase derby) {
            // Otherwise closing it would shut down Derby, which belongs to the store.
            derby.setShutdownEmbeddedDerby(false);
        }
        // No forced release of Liquibase's lock here: the store, which boots the database before this bundle can
        // use it, releases a lock left by a process that died during a migration.
        new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .setOutput(OutputStream.nullOutputStream())
                .execute();
    }
}
