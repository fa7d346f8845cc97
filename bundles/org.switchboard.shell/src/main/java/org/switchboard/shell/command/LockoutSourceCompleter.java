package org.switchboard.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.sip.SourceGuard;
import org.switchboard.api.sip.SourceLockout;

/** Completes the source addresses locked out now. */
@Service
public class LockoutSourceCompleter implements Completer {

    @Reference
    SourceGuard guard;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter sources = new StringsCompleter(
                guard.lockouts().stream().map(SourceLockout::source).toList());
        return sources.complete(session, commandLine, candidates);
    }
}
