package org.switchboard.shell.command.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.recording.PausedInterval;
import org.switchboard.recording.Recording;
import org.switchboard.recording.RecordingQuery;
import org.switchboard.recording.RecordingStore;
import org.switchboard.shell.command.completers.AgentIdCompleter;
import org.switchboard.shell.command.completers.QueueNameCompleter;

@Command(scope = "callcenter", name = "recordings",
        description = "Lists call recordings, newest first: call, queue, agent, customer, start, duration, state, "
                + "pauses, size, SHA-256 and file")
@Service
public class RecordingsCommand implements Action {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(name = "--queue", description = "Only the calls of this queue")
    @Completion(QueueNameCompleter.class)
    String queue;

    @Option(name = "--agent", description = "Only the calls this agent answered")
    @Completion(AgentIdCompleter.class)
    String agent;

    @Option(name = "--since", description = "Only recordings started since this day (yyyy-MM-dd) or time "
            + "(yyyy-MM-ddTHH:mm), server time")
    String since;

    @Option(name = "-n", aliases = "--limit", description = "How many to list (default 50)")
    int limit = 50;

    @Reference
    RecordingStore store;

    @Override
    public Object execute() {
        Instant from;
        try {
            from = since == null ? null : parse(since);
        } catch (DateTimeParseException e) {
            System.err.println("--since " + since + ": not a day (2026-03-02) or a time (2026-03-02T09:30)");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Call");
        table.column("Queue");
        table.column("Agent");
        table.column("Customer");
        table.column("Started");
        table.column("Duration s").alignRight();
        table.column("State");
        table.column("Paused (s from start)");
        table.column("Bytes").alignRight();
        table.column("SHA-256");
        table.column("File");
        for (Recording recording : store.find(new RecordingQuery(queue, agent, from, null, Math.max(1, limit)))) {
            table.addRow().addContent(recording.id(), recording.callId(), recording.queue(), recording.agentId(),
                    recording.customer(), TIME.format(recording.startedAt()),
                    String.format(Locale.ROOT, "%.2f", recording.duration().toMillis() / 1000.0),
                    recording.state().label() + (recording.problem().isEmpty() ? "" : ": " + recording.problem()),
                    pauses(recording), recording.sizeBytes(), recording.sha256(), recording.location());
        }
        table.print(System.out);
        return null;
    }

    private static String pauses(Recording recording) {
        return recording.pauses().stream().map(RecordingsCommand::interval).collect(Collectors.joining(" "));
    }

    private static String interval(PausedInterval pause) {
        return String.format(Locale.ROOT, "%.2f-%.2f", pause.fromMillis() / 1000.0, pause.toMillis() / 1000.0);
    }

    private static Instant parse(String text) {
        ZoneId zone = ZoneId.systemDefault();
        if (text.contains("T")) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    }
}
