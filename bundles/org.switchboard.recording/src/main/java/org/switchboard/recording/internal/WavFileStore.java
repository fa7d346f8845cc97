package org.switchboard.recording.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.store.SchemaMigrations;
import org.switchboard.api.store.Transactions;
import org.switchboard.recording.NewRecording;
import org.switchboard.recording.PausedInterval;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingException;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.recording.RecordingSink;
import org.switchboard.recording.RecordingState;
import org.switchboard.recording.RecordingStore;

/**
 * The default store: one WAV file per recording under {@code directory/YYYY/MM/DD/CALL-ID.wav} (the date of its
 * start, UTC), metadata in the Switchboard database. When it starts, the recordings a crash left in state
 * "recording" get their header repaired from the file's length and become "interrupted". A new {@code directory}
 * applies to the recordings started after it.
 */
@Component(service = RecordingStore.class, configurationPid = RecordingSettings.PID, immediate = true,
        property = "service.ranking:Integer=0")
public class WavFileStore implements RecordingStore {
    private static final Logger LOG = LoggerFactory.getLogger(WavFileStore.class);
    private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd")
            .withZone(ZoneOffset.UTC);

    private final Transactions transactions;
    private final Clock clock;
    private volatile Path directory;

    /** The recordings' own Liquibase changelog, applied by the store on the Switchboard database. */
    static final String CHANGELOG = "db/changelog/switchboard-recording.xml";

    @Activate
    public WavFileStore(@Reference(name = "dataSource", target = "(dataSourceName=switchboard)")
            DataSource dataSource, @Reference(name = "migrations") SchemaMigrations migrations,
            Map<String, Object> properties) throws Exception {
        this(dataSource, migrations, RecordingSettings.directoryOf(properties), Clock.systemUTC());
    }

    WavFileStore(DataSource dataSource, SchemaMigrations migrations, Path directory, Clock clock)
            throws Exception {
        migrations.migrate(CHANGELOG, WavFileStore.class.getClassLoader());
        this.transactions = new Transactions(dataSource, RecordingException::new);
        this.clock = clock;
        this.directory = directory;
        repairInterrupted();
        LOG.info("recordings are written under {}", directory.toAbsolutePath());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        Path next = RecordingSettings.directoryOf(properties);
        if (!next.equals(directory)) {
            directory = next;
            LOG.info("new recordings are written under {}", next.toAbsolutePath());
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public RecordingSink create(NewRecording recording) {
        Path folder = directory.resolve(DAY_FOLDER.format(recording.startedAt()));
        WavFileWriter writer;
        try {
            Files.createDirectories(folder);
            writer = newFile(folder, fileName(recording.callId()));
        } catch (IOException e) {
            throw new RecordingException("cannot create the recording of call " + recording.callId() + " in "
                    + folder.toAbsolutePath() + ": " + e, e);
        }
        try {
            long id = transactions.run("keep the recording of call " + recording.callId(),
                    connection -> RecordingTable.insert(connection, recording, writer.file().toString()));
            return new WavFileSink(id, writer);
        } catch (RuntimeException e) {
            try {
                writer.close();
                Files.deleteIfExists(writer.file());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public List<Recording> find(RecordingQuery query) {
        return transactions.run("list recordings", connection -> RecordingTable.find(connection, query));
    }

    @Override
    public Optional<Recording> find(long id) {
        return transactions.run("find recording " + id, connection -> RecordingTable.find(connection, id));
    }

    @Override
    public Optional<Recording> delete(long id) {
        Optional<Recording> found = find(id);
        if (found.isEmpty() || found.get().state() == RecordingState.DELETED) {
            return found;
        }
        if (found.get().state() == RecordingState.RECORDING) {
            throw new RecordingException("recording " + id + " of call " + found.get().callId()
                    + " is still being written");
        }
        try {
            Files.deleteIfExists(Path.of(found.get().location()));
        } catch (IOException e) {
            throw new RecordingException("cannot delete " + found.get().location() + ": " + e, e);
        }
        transactions.run("mark recording " + id + " deleted", connection -> {
            RecordingTable.markDeleted(connection, id, clock.instant());
            return null;
        });
        return find(id);
    }

    @Override
    public long usableBytes() {
        Path existing = directory;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.toAbsolutePath().getParent();
        }
        return existing == null ? 0 : existing.toFile().getUsableSpace();
    }

    private void repairInterrupted() {
        List<Recording> left = transactions.run("find recordings left open",
                connection -> RecordingTable.inState(connection, RecordingState.RECORDING));
        for (Recording recording : left) {
            Path file = Path.of(recording.location());
            try {
                if (!Files.isRegularFile(file)) {
                    record(recording.id(), 0, 0, null, RecordingState.INTERRUPTED,
                            "the server stopped while recording and the file " + file + " is gone");
                    LOG.warn("recording {} of call {} was left open and its file {} is gone", recording.id(),
                            recording.callId(), file);
                    continue;
                }
                long dataBytes = WavRepair.repair(file);
                record(recording.id(), WavHeader.millisOf(dataBytes), Files.size(file), Sha256.of(file),
                        RecordingState.INTERRUPTED, "the server stopped while recording; kept up to the last "
                                + "second written");
                LOG.warn("recording {} of call {} was left open by a server that stopped; repaired {}: {} s",
                        recording.id(), recording.callId(), file, WavHeader.millisOf(dataBytes) / 1000);
            } catch (IOException | RuntimeException e) {
                LOG.error("recording {} of call {} was left open and cannot be repaired ({}): {}", recording.id(),
                        recording.callId(), file, e.toString());
            }
        }
    }

    private void record(long id, long durationMillis, long sizeBytes, String sha256, RecordingState state,
            String problem) {
        record(id, durationMillis, sizeBytes, sha256, state, problem, List.of());
    }

    private void record(long id, long durationMillis, long sizeBytes, String sha256, RecordingState state,
            String problem, List<PausedInterval> pauses) {
        transactions.run("finish recording " + id, connection -> {
            RecordingTable.finish(connection, id, durationMillis, sizeBytes, sha256, state, problem, pauses);
            return null;
        });
    }

    private static WavFileWriter newFile(Path folder, String name) throws IOException {
        for (int attempt = 1;; attempt++) {
            Path file = folder.resolve(attempt == 1 ? name + ".wav" : name + "-" + attempt + ".wav");
            try {
                return new WavFileWriter(file);
            } catch (FileAlreadyExistsException e) {
                // the same call recorded again (answered a second time): the next free name
            }
        }
    }

    /** The call id as a file name: letters, digits and {@code . - _ @} kept, anything else becomes {@code _}. */
    static String fileName(String callId) {
        String safe = callId.replaceAll("[^A-Za-z0-9._@-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe.length() > 120 ? safe.substring(0, 120) : safe;
    }

    /** The audio of one recording, written to its WAV file. */
    private final class WavFileSink implements RecordingSink {
        private final long id;
        private final WavFileWriter writer;

        WavFileSink(long id, WavFileWriter writer) {
            this.id = id;
            this.writer = writer;
        }

        @Override
        public void write(short[] samples, int length) throws IOException {
            writer.write(samples, length);
        }

        @Override
        public void checkpoint() throws IOException {
            writer.checkpoint();
        }

        @Override
        public void answered(String queue, String agentId, String customer) throws RecordingException {
            transactions.run("describe recording " + id, connection -> {
                RecordingTable.describe(connection, id, queue, agentId, customer);
                return null;
            });
        }

        @Override
        public Recording finish(RecordingState state, String problem, List<PausedInterval> pauses)
                throws IOException {
            long dataBytes = writer.dataBytes();
            IOException closing = null;
            try {
                writer.close();
            } catch (IOException e) {
                // a full disk: what reached the file is kept, with the header as it was last written
                closing = e;
                dataBytes = WavRepair.repair(writer.file());
            }
            Path file = writer.file();
            RecordingState finalState = closing != null && state == RecordingState.COMPLETE ? RecordingState.FAILED
                    : state;
            String finalProblem = closing != null && problem == null ? "closing the file failed: " + closing
                    : problem;
            record(id, WavHeader.millisOf(dataBytes), Files.size(file), Sha256.of(file), finalState, finalProblem,
                    pauses);
            return find(id).orElseThrow(() -> new RecordingException("recording " + id + " vanished"));
        }
    }
}
