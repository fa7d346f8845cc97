package org.switchboard.shell.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.acd.AgentDesk;

/** Completes pause reason codes. */
@Service
public class PauseReasonCompleter implements Completer {

    @Reference
    AgentDesk desk;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter reasons = new StringsCompleter(desk.pauseReasons());
        return reasons.complete(session, commandLine, candidates);
    }
}
