package org.switchboard.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallState;
import org.switchboard.api.call.CallStateChange;
import org.switchboard.api.call.StoreException;

/**
 * Online backups, and the two ways of restoring them that docs/backup-and-restore.md describes: the backup's
 * database folder copied into place, or a boot with Derby's {@code restoreFrom}.
 */
public class DerbyDatabaseBackupTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final TemporaryFolder folder = new TemporaryFolder();
    private final RunningDatabase database = new RunningDatabase(folder);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(folder).around(database);

    private DerbyCallDetailRecordStore calls;
    private DerbyDatabaseBackup backups;

    @Before
    public void createStores() {
        calls = new DerbyCallDetailRecordStore(database.connections());
        backups = new DerbyDatabaseBackup(database.connections(), Path.of("unused"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    public void backupTakenWhileCallsAreWrittenHoldsEveryCallWrittenBeforeItAndOnlyWholeCalls() throws Exception {
        for (int i = 0; i < 50; i++) {
            saveCall("before-" + i);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                while (writing.get()) {
                    saveCall("during-" + written.get());
                    written.incrementAndGet();
                }
            } catch (Throwable e) {
                writerFailure.set(e);
            }
        });
        writer.start();
        while (written.get() < 20 && writer.isAlive()) {
            Thread.sleep(5);
        }

        int writtenBeforeTheBackup = written.get();
        Path backup = backups.backup(folder.getRoot().toPath().resolve("backups"));
        int writtenWhenItReturned = written.get();
        Thread.sleep(100); // more writes after the backup
        writing.set(false);
        writer.join();
        assertEquals(null, writerFailure.get());

        Path home = folder.newFolder("copied-home").toPath();
        copyTree(backup.resolve("switchboard"), home.resolve("switchboard"));
        SwitchboardDatabase restored = boot(home);
        try {
            DerbyCallDetailRecordStore restoredCalls = new DerbyCallDetailRecordStore(restored);
            for (int i = 0; i < 50; i++) {
                assertTrue("before-" + i, restoredCalls.find("before-" + i).isPresent());
            }
            List<CallDetailRecord> during = restoredCalls.recent(100_000).stream()
                    .filter(call -> call.callId().startsWith("during-")).toList();
            assertTrue(during.size() + " calls written during the backup, at least " + writtenBeforeTheBackup
                    + " expected", during.size() >= writtenBeforeTheBackup);
            assertTrue(during.size() + " calls written during the backup, at most " + writtenWhenItReturned
                    + " expected", during.size() <= writtenWhenItReturned);
            for (CallDetailRecord call : during) {
                assertEquals(call.callId(), 1, restoredCalls.history(call.callId()).size());
            }
        } finally {
            restored.deactivate();
        }
    }

    @Test
    public void backupRestoredWithDerbysRestoreFromBootsWithItsData() throws Exception {
        saveCall("kept");
        Path backup = backups.backup(folder.getRoot().toPath().resolve("backups"));
        saveCall("after-the-backup");

        Path home = folder.newFolder("restored-home").toPath();
        EmbeddedDataSource restoring = new EmbeddedDataSource();
        restoring.setDatabaseName(home.resolve("switchboard").toString());
        restoring.setConnectionAttributes("restoreFrom=" + backup.resolve("switchboard"));
        restoring.getConnection().close();
        EmbeddedDerby.shutdown(home.resolve("switchboard"));

        SwitchboardDatabase restored = boot(home);
        try {
            DerbyCallDetailRecordStore restoredCalls = new DerbyCallDetailRecordStore(restored);
            assertTrue(restoredCalls.find("kept").isPresent());
            assertTrue(restoredCalls.find("after-the-backup").isEmpty());
        } finally {
            restored.deactivate();
        }
    }

    @Test
    public void eachBackupGetsAFolderOfItsOwnNamedAfterTheTime() {
        Path parent = folder.getRoot().toPath().resolve("backups");

        Path first = backups.backup(parent);
        Path second = backups.backup(parent);

        assertEquals(parent.resolve("switchboard-20261126T090000Z"), first);
        assertEquals(parent.resolve("switchboard-20261126T090000Z-2"), second);
        assertTrue(Files.isRegularFile(first.resolve("switchboard").resolve("service.properties")));
        assertNotEquals(first, second);
    }

    @Test
    public void backupThatCannotBeWrittenThrowsStoreException() throws Exception {
        Path aFile = folder.newFile("not-a-folder").toPath();

        assertThrows(StoreException.class, () -> backups.backup(aFile));
    }

    @Test
    public void backupsGoBelowKarafDataByDefault() {
        assertEquals(Path.of("/opt/switchboard/data/backups"), DerbyDatabaseBackup.defaultFolder("/opt/switchboard/data"));
    }

    private void saveCall(String callId) {
        calls.save(CallDetailRecord.arrived(callId, "5551234", "4000", "support", NOW),
                new CallStateChange(callId, CallState.QUEUED, NOW, "queued in support"));
    }

    private static SwitchboardDatabase boot(Path home) throws Exception {
        SwitchboardDatabase booted = new SwitchboardDatabase();
        booted.activate(TestConfigs.config(home.toString(), "switchboard"));
        return booted;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
