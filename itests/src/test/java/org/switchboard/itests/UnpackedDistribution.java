package org.switchboard.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the tests that run the unpacked distribution as a person would (bin/start, bin/client) share. */
final class UnpackedDistribution {

    /** The ports of an unpacked distribution: its own, so that it never meets the Pax Exam container. */
    record Ports(int sip, int ssh, int rmiRegistry, int rmiServer) {
    }

    private UnpackedDistribution() {
    }

    /**
     * Unpacks the distribution the build made into target/{@code folder} (emptied first) and returns its home, set
     * to listen on {@code ports}: SIP (TLS on the next port), the shell's SSH, and JMX's RMI registry and server.
     */
    static Path unpack(String folder, Ports ports) throws Exception {
        Path unpacked = Path.of(System.getProperty("switchboard.sipp.logs")).getParent().resolve(folder);
        deleteRecursively(unpacked);
        Files.createDirectories(unpacked);
        run(unpacked.toFile(), "tar", "xzf", System.getProperty("switchboard.distribution"));
        Path home;
        try (var entries = Files.list(unpacked)) {
            home = entries.findFirst().orElseThrow();
        }
        setProperty(home, "etc/org.switchboard.sip.cfg", "port", Integer.toString(ports.sip()));
        setProperty(home, "etc/org.switchboard.sip.cfg", "tlsPort", Integer.toString(ports.sip() + 1));
        setProperty(home, "etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ports.ssh()));
        setProperty(home, "etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                Integer.toString(ports.rmiRegistry()));
        setProperty(home, "etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(ports.rmiServer()));
        return home;
    }

    /** Runs one shell command with bin/client as the README's admin user and returns what it printed. */
    static String client(Path home, int sshPort, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bin/client", "-a", Integer.toString(sshPort), "-u", "karaf",
                "-p", "karaf", "-r", "3", "-b").directory(home.toFile()).redirectErrorStream(true);
        Process client = builder.start();
        client.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        client.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    /** Sets {@code key = value} in a file of the distribution, replacing the line or adding it. */
    static void setProperty(Path home, String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        String text = Files.readString(path);
        String replaced = text.replaceAll("(?m)^\\s*" + key + "\\s*=.*$", key + " = " + value);
        if (replaced.equals(text)) {
            replaced = text + System.lineSeparator() + key + " = " + value + System.lineSeparator();
        }
        Files.writeString(path, replaced);
    }

    /** Runs a command to its end and fails with its output when it does not succeed within 60 s. */
    static void run(File directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The Karaf JVM that bin/start left running from {@code home}, from its karaf.pid, if it is alive. */
    static Optional<ProcessHandle> karafJvm(Path home) throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile).trim();
        return text.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive);
    }

    /** Stops the server running from {@code home} with bin/stop, and kills it if it is not gone within 60 s. */
    static void stopServer(Path home) throws IOException {
        Optional<ProcessHandle> server = karafJvm(home);
        if (server.isEmpty()) {
            return;
        }
        try {
            run(home.toFile(), "bin/stop");
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception | AssertionError e) {
            server.get().destroyForcibly();
        }
    }
}
