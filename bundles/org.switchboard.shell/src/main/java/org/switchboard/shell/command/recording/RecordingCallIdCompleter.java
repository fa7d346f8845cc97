package org.switchboard.shell.command.recording;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.recording.Recorder;

/** Completes the ids of the calls being recorded now. */
@Service
public class RecordingCallIdCompleter implements Completer {

    @Reference
    Recorder recorder;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(recorder.inProgress().stream().map(Recorder.InProgress::callId).toList())
                .complete(session, commandLine, candidates);
    }
}
