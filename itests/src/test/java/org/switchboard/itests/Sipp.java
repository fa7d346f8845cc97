package org.switchboard.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sipp scenarios of src/test/sipp against the server on 127.0.0.1. Each run plays one call
 * ({@code -m 1}); its exit code is 0 only when every message came as the scenario says.
 */
final class Sipp {
    static final String HOST = "127.0.0.1";

    private final File scenarios = new File(System.getProperty("switchboard.sipp.scenarios"));
    private final File logs = new File(System.getProperty("switchboard.sipp.logs"));
    private final int serverPort;

    Sipp(int serverPort) {
        this.serverPort = serverPort;
        logs.mkdirs();
    }

    /** A sipp process playing one scenario; {@link #await()} waits for its verdict. */
    final class Run {
        private final Process process;
        private final File output;
        private final String description;

        private Run(Process process, File output, String description) {
            this.process = process;
            this.output = output;
            this.description = description;
        }

        /** Waits for sipp to finish and returns its exit code. */
        int await() throws InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(description + " did not finish within 120 s\n" + output());
            }
            return process.exitValue();
        }

        /** Stops a scenario that would otherwise wait for more calls (a UAS started for "as many as come"). */
        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        /** Waits, and fails with sipp's own output when the scenario did not go as written. */
        void expectSuccess() throws InterruptedException {
            int exit = await();
            if (exit != 0) {
                throw new AssertionError(description + " failed with exit code " + exit + "\n" + output());
            }
        }

        String output() {
            try {
                return Files.readString(output.toPath());
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }

    /** Starts a scenario for one call from a local port, with extra sipp arguments (such as {@code -s 4000}). */
    Run start(String scenario, int localPort, String... arguments) throws IOException, InterruptedException {
        return start(scenario, localPort, 1, arguments);
    }

    /** Starts a scenario for {@code calls} calls; a UAS stops after that many, a UAC places that many. */
    Run start(String scenario, int localPort, int calls, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", new File(scenarios, scenario).getPath(),
                "-i", HOST, "-p", Integer.toString(localPort), "-m", Integer.toString(calls), "-nostdin",
                "-timeout", (30 + calls) + "s", "-timeout_error", "-trace_err"));
        if (calls == 1) {
            command.add("-trace_msg");
        }
        command.addAll(List.of(arguments));
        command.add(HOST + ":" + serverPort);
        File output = new File(logs, scenario.replace(".xml", "") + "-" + localPort + "-" + System.nanoTime()
                + ".out");
        Process process = new ProcessBuilder(command).directory(logs).redirectErrorStream(true)
                .redirectOutput(output).start();
        String description = "sipp " + scenario + " from port " + localPort;
        if (!scenario.startsWith("agent")) {
            return new Run(process, output, description);
        }
        awaitListening(localPort, process, description);
        return new Run(process, output, description);
    }

    /** Plays a scenario to its end and fails the test when it did not go as written. */
    void play(String scenario, int localPort, String... arguments) throws IOException, InterruptedException {
        start(scenario, localPort, arguments).expectSuccess();
    }

    /**
     * A UAS scenario is ready once sipp holds its UDP port. Read from the kernel's socket table rather than by
     * trying to bind the port, which would race sipp for it.
     */
    private static void awaitListening(int port, Process process, String description) throws InterruptedException {
        String localAddress = String.format("0100007F:%04X", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (Files.readAllLines(Path.of("/proc/net/udp")).stream()
                        .anyMatch(line -> line.trim().split("\\s+")[1].equals(localAddress))) {
                    return;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the socket table", e);
            }
            Thread.sleep(20);
        }
        throw new AssertionError(description + " did not start listening\n" + outputOf(process));
    }

    private static String outputOf(Process process) {
        return process.isAlive() ? "(still running)" : "(exited with " + process.exitValue() + ")";
    }
}
