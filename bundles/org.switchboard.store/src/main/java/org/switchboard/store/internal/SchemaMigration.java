package org.switchboard.store.internal;

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
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs a Liquibase changelog against the Switchboard database: the store's own at boot, and other bundles' own
 * through the {@link org.switchboard.api.store.SchemaMigrations} service. Public only so that other bundles' unit
 * tests can migrate a test database the same way; not exported.
 */
public final class SchemaMigration {

    /** The store's own changelog. */
    static final String CHANGELOG = "db/changelog/switchboard.xml";

    private SchemaMigration() {
    }

    /** Applies the store's own change sets not yet applied (at boot, when nobody else uses the database yet). */
    static void update(Connection connection) throws Exception {
        // The same class loader serves in JUnit and in OSGi, where it is this bundle's.
        update(connection, CHANGELOG, SchemaMigration.class.getClassLoader(), true);
    }

    /**
     * Applies the change sets of {@code changelog}, read with {@code bundleLoader}, not yet applied. The caller
     * keeps and closes the connection, which Liquibase leaves with autocommit off; no transaction is open on it
     * when this returns or throws.
     *
     * @param releaseStaleLock whether a Liquibase lock still held is one left by a process that died (true only
     *                         at boot, before anyone else can migrate)
     */
    public static void update(Connection connection, String changelog, ClassLoader bundleLoader,
            boolean releaseStaleLock) throws Exception {
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
            Scope.child(scope, () -> run(connection, changelog, releaseStaleLock));
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

    private static void run(Connection connection, String changelog, boolean releaseStaleLock) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                new JdbcConnection(connection));
        if (database instanceof DerbyDatabase derby) {
            // Otherwise closing it would shut down Derby through DriverManager, behind our back.
            derby.setShutdownEmbeddedDerby(false);
        }
        // Embedded Derby lets only this JVM open the database and only this class migrates it, so a lock
        // still held here was left by a process that died during a migration; it would block boot for minutes.
        if (releaseStaleLock) {
            LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
        }
        new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .setOutput(OutputStream.nullOutputStream()) // the summary is logged; keep it off stdout too
                .execute();
    }
}
