package org.switchboard.itests;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.switchboard.api.sip.PhoneRegistry;

/**
 * What the running server holds and logs, for the hostile-input tests (which run inside the server's JVM):
 * the SIP stack's transaction and dialog tables and the back-to-back user agent's calls, read through
 * reflection because no service exposes them; and the server's log (data/log/karaf.log) from a mark on.
 */
final class TortureServerState {

    /** The SIP edge's tables at one moment. */
    record Snapshot(int serverTransactions, int clientTransactions, int dialogs, int bridgedCalls) {

        boolean noMoreThan(Snapshot baseline) {
            return serverTransactions <= baseline.serverTransactions
                    && clientTransactions <= baseline.clientTransactions && dialogs <= baseline.dialogs
                    && bridgedCalls <= baseline.bridgedCalls;
        }

        @Override
        public String toString() {
            return serverTransactions + " server transactions, " + clientTransactions + " client transactions, "
                    + dialogs + " dialogs, " + bridgedCalls + " calls in the B2BUA";
        }
    }

    private TortureServerState() {
    }

    /**
     * Reads the tables of the SIP edge behind the PhoneRegistry service (org.switchboard.sip's SipEdge: its
     * running stack and call bridge). Fails with a message naming what was not found when those internals change.
     */
    static Snapshot of(PhoneRegistry edge) {
        try {
            Object running = field(edge, "running");
            if (running == null) {
                throw new AssertionError("the SIP edge is not running");
            }
            Object endpoint = call(running, "endpoint");
            Object bridge = call(running, "bridge");
            Object stack = field(endpoint, "stack");
            int server = (Integer) call(stack, "getServerTransactionTableSize");
            int client = (Integer) call(stack, "getClientTransactionTableSize");
            int dialogs = ((Collection<?>) call(stack, "getDialogs")).size();
            int calls = (Integer) call(bridge, "callsInProgress");
            return new Snapshot(server, client, dialogs, calls);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new AssertionError("cannot read the SIP edge's tables (SipEdge.running -> SipEndpoint.stack, "
                    + "CallBridge.callsInProgress): " + e, e);
        }
    }

    /**
     * The first lines of the JVM's class histogram of live objects (jcmd GC.class_histogram): what the heap holds,
     * for a report; a note when the diagnostic command is not there.
     */
    static String heapHistogram(int lines) {
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] { new String[0] }, new String[] { String[].class.getName() });
            return String.join("\n", String.valueOf(text).lines().limit(lines + 3L).toList());
        } catch (javax.management.JMException | RuntimeException e) {
            return "(no class histogram: " + e + ")";
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    return method.invoke(target);
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name + "()");
    }

    /** The server's log from a mark on. */
    static final class Log {
        private final Path file = Path.of(System.getProperty("karaf.log", "data/log"), "karaf.log");
        private final long mark;

        private Log(long mark) {
            this.mark = mark;
        }

        /** Marks the current end of the log. */
        static Log mark() {
            Path file = Path.of(System.getProperty("karaf.log", "data/log"), "karaf.log");
            try {
                return new Log(Files.exists(file) ? Files.size(file) : 0);
            } catch (IOException e) {
                return new Log(0);
            }
        }

        /** Lines written since the mark (all of the log when it rolled over meanwhile). */
        List<String> linesSince() {
            List<String> lines = new ArrayList<>();
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long start = in.length() >= mark ? mark : 0;
                byte[] bytes = new byte[(int) Math.min(in.length() - start, 32L * 1024 * 1024)];
                in.seek(start);
                in.readFully(bytes);
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    lines.add(line.stripTrailing());
                }
            } catch (IOException e) {
                lines.add("(cannot read " + file + ": " + e + ")");
            }
            return lines;
        }

        /** Lines since the mark that contain any of the fragments. */
        List<String> linesSinceContaining(String... fragments) {
            return linesSince().stream().filter(line -> {
                for (String fragment : fragments) {
                    if (line.contains(fragment)) {
                        return true;
                    }
                }
                return false;
            }).toList();
        }

        /** Warnings and errors since the mark, each with the stack trace logged under it. */
        List<String> problemsSince() {
            List<String> problems = new ArrayList<>();
            boolean inProblem = false;
            for (String line : linesSince()) {
                boolean entry = line.matches("^\\d{4}-\\d\\d-\\d\\dT.*");
                if (entry) {
                    inProblem = line.contains("| ERROR |") || line.contains("| WARN  |");
                }
                if (inProblem) {
                    problems.add(line);
                }
            }
            return problems;
        }

        /**
         * Appends the warnings and errors since the mark, under a title, to a file next to the build's other
         * reports (the server's runtime folder is deleted after the run).
         */
        void keepProblems(String name, String title) {
            File target = new File(new File(System.getProperty("switchboard.sipp.logs")).getParentFile(), name);
            List<String> lines = new ArrayList<>();
            lines.add("==== " + title);
            lines.addAll(problemsSince());
            try {
                Files.write(target.toPath(), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("(could not write " + target + ": " + e + ")");
            }
        }

        Path file() {
            return file;
        }
    }
}
