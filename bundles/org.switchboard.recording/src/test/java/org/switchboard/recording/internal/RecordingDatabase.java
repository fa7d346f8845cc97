package org.switchboard.recording.internal;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;
import org.switchboard.store.testing.MovableClock;
import org.switchboard.store.testing.TemporaryDerby;

/** A recording store on a real Derby database and a folder of WAV files, both temporary, with a clock to move. */
final class RecordingDatabase extends ExternalResource {

    private final TemporaryFolder folder;
    private TemporaryDerby derby;
    private Path directory;
    private WavFileStore store;
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));

    RecordingDatabase(TemporaryFolder folder) {
        this.folder = folder;
    }

    @Override
    protected void before() throws Exception {
        Path root = folder.newFolder().toPath();
        derby = TemporaryDerby.create(root.resolve("db"));
        directory = root.resolve("recordings");
        store = restarted();
    }

    @Override
    protected void after() {
        derby.shutdown();
    }

    WavFileStore store() {
        return store;
    }

    Path directory() {
        return directory;
    }

    /** A second store on the same database and folder, as after the server restarts. */
    WavFileStore restarted() throws Exception {
        return new WavFileStore(derby.dataSource(), derby.migrations(), directory, clock);
    }
}
