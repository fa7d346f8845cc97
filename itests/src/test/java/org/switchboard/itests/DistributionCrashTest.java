package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution killed with {@code kill -9} while two answered calls are up, then started again: the two calls
 * are closed as interrupted at their last recorded change, every record written before the kill is there, the
 * agents are logged in again as they were, the audit log kept the operator's actions, and the recordings of the two
 * calls are repaired: playable up to the last second written, marked interrupted. Like
 * {@link DistributionRestartTest}, it runs the unpacked archive with bin/start and bin/client, on ports of its own.
 */
public class DistributionCrashTest {
    private static final int SIP_PORT = 16160;
    private static final int SSH_PORT = 18111;
    private static final int AGENT_1001_PORT = 16191;
    private static final int AGENT_1002_PORT = 16192;
    private static final int CALLER_PORT = 16171;
    /** sipp's own -timeout must outlast the call held by crash-caller.xml (120 s); the kill comes long before. */
    private static final String[] LONG_SIPP_TIMEOUT = { "-timeout", "300s" };
    private static final int WAV_HEADER = 44;
    private static final int BYTES_PER_SECOND = 8000 * 4;

    private static Path home;
    private static final List<Sipp.Run> phones = new ArrayList<>();

    @BeforeClass
    public static void unpackTheDistribution() throws Exception {
        home = UnpackedDistribution.unpack("crash-test",
                new UnpackedDistribution.Ports(SIP_PORT, SSH_PORT, 11109, 14454));
    }

    /** Whatever happened: the phones are stopped and so is the server (killed if it does not stop). */
    @AfterClass
    public static void stopEverything() throws Exception {
        for (Sipp.Run phone : phones) {
            phone.stop();
        }
        if (home != null) {
            UnpackedDistribution.stopServer(home);
        }
    }

    @Test
    public void callsUpAtAKillAreClosedAsInterruptedAndAgentsComeBackAsTheyWere() throws Exception {
        start();
        Sipp sipp = new Sipp(SIP_PORT);
        sipp.play("register.xml", AGENT_1001_PORT, "-s", "1001", "-au", "1001", "-ap", "demo1001");
        sipp.play("register.xml", AGENT_1002_PORT, "-s", "1002", "-au", "1002", "-ap", "demo1002");

        // A call that is over before the kill: its record must come through it unchanged.
        assertContains(client("callcenter:agent-login 1001 support"), "Agent 1001 is available in support");
        Sipp.Run firstAnswer = sipp.start("agent-answer.xml", AGENT_1001_PORT, "-s", "1001");
        sipp.play("caller.xml", CALLER_PORT, "-s", "4000");
        firstAnswer.expectSuccess();
        awaitRows("callcenter:calls", rows -> rows.size() == 1 && !rows.get(0).get("Ended").isEmpty());
        assertContains(client("callcenter:agent-ready 1001"), "Agent 1001 is available");
        assertContains(client("callcenter:agent-login 1002 support"), "Agent 1002 is available in support");

        // Two calls answered and up.
        phones.add(sipp.start("agent-answer.xml", AGENT_1001_PORT, withLongTimeout("-s", "1001")));
        phones.add(sipp.start("agent-answer.xml", AGENT_1002_PORT, withLongTimeout("-s", "1002")));
        phones.add(sipp.start("crash-caller.xml", CALLER_PORT + 1, withLongTimeout("-s", "4000")));
        phones.add(sipp.start("crash-caller.xml", CALLER_PORT + 2, withLongTimeout("-s", "4000")));
        List<Map<String, String>> before = awaitRows("callcenter:calls",
                rows -> rows.stream().filter(DistributionCrashTest::isUp).count() == 2);
        List<Map<String, String>> up = before.stream().filter(DistributionCrashTest::isUp).toList();
        Map<String, String> lastChangeBeforeKill = new LinkedHashMap<>();
        for (Map<String, String> call : up) {
            List<Map<String, String>> history = rows(client("callcenter:why " + call.get("Call")), "Time");
            lastChangeBeforeKill.put(call.get("Call"), history.get(history.size() - 1).get("Time"));
        }

        // Operator actions while the calls are up: a pause for after the call, an online backup.
        assertContains(client("callcenter:agent-pause 1002 lunch"), "pauses (lunch) after it");
        String backup = client("callcenter:backup");
        assertContains(backup, "Database backed up into " + home.resolve("data/backups"));
        assertTrue(backup, backup.matches("(?s).*into \\S+ \\(\\d+\\.\\d (KiB|MiB)\\).*"));
        List<Map<String, String>> audit = rows(client("callcenter:audit"), "Time");
        assertEquals(List.of("backup", "agent-pause", "agent-login", "agent-ready", "agent-login"),
                audit.stream().map(entry -> entry.get("Action")).toList());
        assertTrue(audit.toString(), audit.stream().allMatch(entry -> entry.get("Who").equals("karaf")));

        // Both calls are being recorded, each file past its first second (the header is updated every second).
        List<Map<String, String>> recording = awaitRows("callcenter:recordings", rows -> rows.stream()
                .filter(row -> row.get("State").equals("recording")).count() == 2);
        List<Path> open = recording.stream().filter(row -> row.get("State").equals("recording"))
                .map(row -> Path.of(row.get("File"))).toList();
        awaitFiles(open, WAV_HEADER + 2 * BYTES_PER_SECOND);

        long killed = killTheServerWithSignal9();
        for (Sipp.Run phone : phones) {
            phone.stop();
        }
        phones.clear();

        long restarting = System.nanoTime();
        start();
        List<Map<String, String>> after = awaitRows("callcenter:calls",
                rows -> rows.stream().filter(row -> row.get("Disposition").equals("interrupted")).count() == 2);
        System.out.printf("crash test: server %d killed; started again and recovered in %.1f s%n", killed,
                (System.nanoTime() - restarting) / 1e9);

        Map<String, Map<String, String>> afterById = new LinkedHashMap<>();
        after.forEach(row -> afterById.put(row.get("Call"), row));
        assertEquals("every call recorded before the kill, and no other", callIds(before),
                List.copyOf(afterById.keySet()));
        int recovered = 0;
        for (Map<String, String> call : before) {
            Map<String, String> now = afterById.get(call.get("Call"));
            if (!isUp(call)) {
                assertEquals("a call over before the kill is untouched", call, now);
                continue;
            }
            assertEquals(call.toString(), "interrupted", now.get("Disposition"));
            assertEquals("answer time kept", call.get("Answered"), now.get("Answered"));
            assertEquals("ended at the last change recorded before the kill", lastChangeBeforeKill.get(call.get("Call")),
                    now.get("Ended"));
            List<Map<String, String>> history = rows(client("callcenter:why " + call.get("Call")), "Time");
            Map<String, String> closing = history.get(history.size() - 1);
            assertEquals("interrupted: the server stopped while the call was answered", closing.get("Detail"));
            assertEquals(now.get("Ended"), closing.get("Time"));
            recovered++;
        }

        Map<String, Map<String, String>> agents = new LinkedHashMap<>();
        rows(client("callcenter:agents"), "Agent").forEach(row -> agents.put(row.get("Agent"), row));
        assertEquals("available", agents.get("1001").get("State"));
        assertEquals("support", agents.get("1001").get("Queues"));
        assertEquals("paused (lunch)", agents.get("1002").get("State"));
        assertEquals("support", agents.get("1002").get("Queues"));
        assertEquals("logged-out", agents.get("1003").get("State"));

        assertEquals("the audit log kept every entry", audit, rows(client("callcenter:audit"), "Time"));

        List<Map<String, String>> recordings = awaitRows("callcenter:recordings", rows -> rows.stream()
                .filter(row -> row.get("State").startsWith("interrupted")).count() == 2);
        for (Map<String, String> row : recordings) {
            Path file = Path.of(row.get("File"));
            if (!open.contains(file)) {
                assertEquals("the call over before the kill was recorded to its end", "complete", row.get("State"));
                continue;
            }
            assertTrue(row.toString(), row.get("State").startsWith("interrupted: the server stopped while recording"));
            assertPlayable(file);
            assertEquals(Long.toString(Files.size(file)), row.get("Bytes"));
            assertEquals("SHA-256 of the repaired file", sha256(file), row.get("SHA-256"));
            assertTrue(row.toString(), Double.parseDouble(row.get("Duration s")) >= 2);
        }
        System.out.println("calls recovered after kill -9: " + recovered);
        assertEquals(2, recovered);
    }

    /** Waits until every file has at least {@code bytes} on disk. */
    private static void awaitFiles(List<Path> files, long bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Path file : files) {
            while (!Files.exists(file) || Files.size(file) < bytes) {
                assertTrue(file + " never reached " + bytes + " bytes", System.nanoTime() < deadline);
                Thread.sleep(100);
            }
        }
    }

    /** A repaired recording: a stereo 8 kHz WAV whose header announces exactly the samples the file holds. */
    private static void assertPlayable(Path file) throws Exception {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file), 0, WAV_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        long size = Files.size(file);
        assertEquals(file + ": RIFF size", size - 8, header.getInt(4) & 0xFFFF_FFFFL);
        assertEquals(file + ": channels", 2, header.getShort(22));
        assertEquals(file + ": sample rate", 8000, header.getInt(24));
        assertEquals(file + ": data size", size - WAV_HEADER, header.getInt(40) & 0xFFFF_FFFFL);
        assertEquals(file + ": whole stereo frames", 0, (size - WAV_HEADER) % 4);
        if (Files.isExecutable(Path.of("/usr/bin/sox"))) {
            Process sox = new ProcessBuilder("sox", "--i", file.toString()).redirectErrorStream(true).start();
            String output = new String(sox.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sox.waitFor(30, TimeUnit.SECONDS));
            assertEquals(output, 0, sox.exitValue());
            assertTrue(output, output.contains("Channels       : 2"));
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** An answered call not ended yet. */
    private static boolean isUp(Map<String, String> call) {
        return !call.get("Answered").isEmpty() && call.get("Ended").isEmpty();
    }

    private static List<String> callIds(List<Map<String, String>> calls) {
        return calls.stream().map(call -> call.get("Call")).toList();
    }

    private static String[] withLongTimeout(String... arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + LONG_SIPP_TIMEOUT.length);
        System.arraycopy(LONG_SIPP_TIMEOUT, 0, all, arguments.length, LONG_SIPP_TIMEOUT.length);
        return all;
    }

    /**
     * Sends SIGKILL to Karaf's JVM (not to the bin/karaf script that started it), the one whose pid is in
     * karaf.pid and whose command line names this folder as karaf.base, and waits until it is gone.
     */
    private static long killTheServerWithSignal9() throws Exception {
        ProcessHandle jvm = UnpackedDistribution.karafJvm(home)
                .orElseThrow(() -> new AssertionError("no Karaf JVM running from " + home));
        assertTrue("karaf.pid names a java process: " + jvm.info().command(),
                jvm.info().command().orElse("").endsWith("java"));
        assertTrue("the JVM of karaf.pid runs from " + home, jvmsRunningFrom(home).contains(jvm.pid()));
        UnpackedDistribution.run(home.toFile(), "kill", "-9", Long.toString(jvm.pid()));
        jvm.onExit().get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!jvmsRunningFrom(home).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("no Karaf process left running from " + home, List.of(), jvmsRunningFrom(home));
        return jvm.pid();
    }

    /** Pids of the processes whose command line holds -Dkaraf.base=HOME (pgrep -f). */
    private static List<Long> jvmsRunningFrom(Path base) throws Exception {
        Process pgrep = new ProcessBuilder("pgrep", "-f", "--", "-Dkaraf.base=" + base + " ").redirectErrorStream(true)
                .start();
        String output = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor(10, TimeUnit.SECONDS);
        return output.lines().map(String::trim).filter(line -> !line.isEmpty()).map(Long::parseLong).toList();
    }

    private static void start() throws Exception {
        UnpackedDistribution.run(home.toFile(), "bin/start");
        awaitRows("callcenter:queues", rows -> !rows.isEmpty());
    }

    /** Runs the command with bin/client until its table satisfies the condition (the server may be starting). */
    private static List<Map<String, String>> awaitRows(String command, Predicate<List<Map<String, String>>> wanted)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String output = "";
        while (System.nanoTime() < deadline) {
            output = client(command);
            Optional<List<Map<String, String>>> table = ShellTables.lastTable(output);
            if (table.isPresent() && wanted.test(table.get())) {
                return table.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("'" + command + "' never showed what was awaited; last output:\n" + output);
    }

    /** The rows of the table a command printed, each by column name; the table's first column is named. */
    private static List<Map<String, String>> rows(String output, String firstColumn) {
        List<Map<String, String>> rows = ShellTables.lastTable(output)
                .orElseThrow(() -> new AssertionError("no table:\n" + output));
        assertTrue(output, rows.isEmpty() || rows.get(0).containsKey(firstColumn));
        return rows;
    }

    private static void assertContains(String output, String expected) {
        assertTrue("expected '" + expected + "' in:\n" + output, output.contains(expected));
    }

    private static String client(String command) throws Exception {
        return UnpackedDistribution.client(home, SSH_PORT, command);
    }
}
