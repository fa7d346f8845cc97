package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution as a user runs it: unpacked from its archive, started with bin/start, driven with bin/client
 * as the README's admin user, stopped with bin/stop and started again. A call recorded before the restart is
 * still listed after it. Uses its own ports so that it never meets the Pax Exam container.
 */
public class DistributionRestartTest {
    private static final int SIP_PORT = 16060;
    private static final int SSH_PORT = 18101;
    private static Path home;

    @BeforeClass
    public static void unpackTheDistribution() throws Exception {
        home = UnpackedDistribution.unpack("restart-test",
                new UnpackedDistribution.Ports(SIP_PORT, SSH_PORT, 11099, 14444));
    }

    @AfterClass
    public static void stopTheServer() throws Exception {
        if (home != null) {
            stop();
        }
    }

    @Test
    public void callRecordedBeforeARestartIsListedAfterIt() throws Exception {
        long started = System.nanoTime();
        start();
        Sipp sipp = new Sipp(SIP_PORT);
        sipp.play("register.xml", 16091, "-s", "1001", "-au", "1001", "-ap", "demo1001");
        String login = client("callcenter:agent-login 1001 support");
        assertTrue(login, login.contains("Agent 1001 is available in support"));
        Sipp.Run agent = sipp.start("agent-answer.xml", 16091, "-s", "1001");
        sipp.play("caller.xml", 16071, "-s", "4000");
        agent.expectSuccess();
        System.out.printf("restart test: start-up to first answered call took %.1f s%n",
                (System.nanoTime() - started) / 1e9);

        String before = awaitOutput("callcenter:calls", "answered");
        String callLine = before.lines().filter(l -> l.contains("answered")).findFirst().orElseThrow();
        String callId = callLine.split("\\s*\\|\\s*")[0].trim();

        stop();
        start();

        String after = awaitOutput("callcenter:calls", callId);
        String sameLine = after.lines().filter(l -> l.startsWith(callId)).findFirst().orElseThrow();
        assertEquals(callLine, sameLine);
        assertTrue(new File(home.toFile(), "data/derby/switchboard").isDirectory());
    }

    private static void start() throws Exception {
        UnpackedDistribution.run(home.toFile(), "bin/start");
        awaitOutput("callcenter:queues", "support");
    }

    private static void stop() throws Exception {
        UnpackedDistribution.run(home.toFile(), "bin/stop");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (pid().map(pid -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).orElse(true)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not stop within 60 s");
    }

    private static Optional<Long> pid() throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    }

    /** Runs the command with bin/client until its output contains the text (the server may still be starting). */
    private static String awaitOutput(String command, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String output = "";
        while (System.nanoTime() < deadline) {
            output = client(command);
            if (output.contains(expected)) {
                return output;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("'" + command + "' never showed '" + expected + "'; last output:\n" + output);
    }

    private static String client(String command) throws Exception {
        return UnpackedDistribution.client(home, SSH_PORT, command);
    }
}
