package org.switchboard.shell.command.crm;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.crm.api.CustomerDirectory;

/** Completes the names of the CRM adapters registered now. */
@Service
public class CrmAdapterNameCompleter implements Completer {

    @Reference
    CustomerDirectory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(directory.adapterNames()).complete(session, commandLine, candidates);
    }
}
