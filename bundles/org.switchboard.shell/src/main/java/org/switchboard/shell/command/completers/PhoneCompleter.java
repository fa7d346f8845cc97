package org.switchboard.shell.command.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.sip.PhoneRegistration;
import org.switchboard.api.sip.PhoneRegistry;

/** Completes the extensions of the phones registered now. */
@Service
public class PhoneCompleter implements Completer {

    @Reference
    PhoneRegistry phones;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(phones.all().stream().map(PhoneRegistration::user).toList())
                .complete(session, commandLine, candidates);
    }
}
