package org.switchboard.shell.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.call.CallDetailRecord;
import org.switchboard.api.call.CallDetailRecordStore;

/** Completes the ids of the most recent calls. */
@Service
public class CallIdCompleter implements Completer {

    private static final int RECENT = 50;

    @Reference
    CallDetailRecordStore records;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter(
                records.recent(RECENT).stream().map(CallDetailRecord::callId).toList());
        return ids.complete(session, commandLine, candidates);
    }
}
