package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.api.sip.SourceGuard;

@Command(scope = "callcenter", name = "lockout-clear",
        description = "Lifts the lockout of a source address and forgets its failed authentications")
@Service
public class LockoutClearCommand implements Action {

    @Argument(index = 0, name = "source", description = "IP address, as callcenter:lockouts lists it",
            required = true)
    @Completion(LockoutSourceCompleter.class)
    String source;

    @Reference
    SourceGuard guard;

    @Override
    public Object execute() {
        System.out.println(guard.clear(source) ? "Lockout of " + source + " lifted"
                : source + " is not locked out (its failed authentications are forgotten)");
        return null;
    }
}
