package org.switchboard.shell.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.sip.CallControl;
import org.switchboard.api.sip.CallControlException;
import org.switchboard.api.sip.SupervisionMode;
import org.switchboard.shell.command.completers.CallIdCompleter;
import org.switchboard.shell.command.completers.PhoneCompleter;

@Command(scope = "callcenter", name = "listen",
        description = "Rings a supervisor's phone into a call connected to an agent: it hears both parties (listen-in), "
                + "or also speaks to the agent only (--whisper), or to both (--barge). Run again for the same phone "
                + "to change the mode; --stop hangs that phone up.")
@Service
public class ListenCommand implements Action {

    @Argument(index = 0, name = "call", description = "Call id", required = true)
    @Completion(CallIdCompleter.class)
    String callId;

    @Argument(index = 1, name = "supervisor", description = "The supervisor's registered phone (extension)",
            required = true)
    @Completion(PhoneCompleter.class)
    String extension;

    @Argument(index = 2, name = "mode", description = "listen (the default), whisper, barge or stop; also written "
            + "--whisper, --barge or --stop after the extension")
    String mode;

    @Option(name = "--whisper", description = "Speak to the agent only; the caller does not hear the supervisor")
    boolean whisper;

    @Option(name = "--barge", description = "Three-way conference: caller and agent hear the supervisor")
    boolean barge;

    @Option(name = "--stop", description = "Hang the supervisor's phone up; the call goes on")
    boolean stop;

    @Reference
    CallControl calls;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        if (mode != null) {
            // Karaf reads options before the arguments only; the mode written after them arrives here
            switch (mode.replaceFirst("^--", "")) {
                case "listen" -> { }
                case "whisper" -> whisper = true;
                case "barge" -> barge = true;
                case "stop" -> stop = true;
                default -> {
                    System.err.println("Unknown mode '" + mode + "': give listen, whisper, barge or stop");
                    return null;
                }
            }
        }
        if ((whisper ? 1 : 0) + (barge ? 1 : 0) + (stop ? 1 : 0) > 1) {
            System.err.println("Give one of --whisper, --barge and --stop");
            return null;
        }
        try {
            if (stop) {
                calls.endSupervision(callId, extension);
                System.out.println(extension + " no longer supervises call " + callId);
                AuditTrail.record(audit, session, "listen-stop", "call " + callId + " supervisor " + extension);
                return null;
            }
            SupervisionMode chosen = whisper ? SupervisionMode.WHISPER : barge ? SupervisionMode.BARGE
                    : SupervisionMode.LISTEN;
            boolean present = calls.supervisions().stream()
                    .anyMatch(s -> s.callId().equals(callId) && s.extension().equals(extension));
            calls.supervise(callId, extension, chosen);
            System.out.println(present ? extension + " now " + switch (chosen) {
                case LISTEN -> "listens to";
                case WHISPER -> "whispers to the agent of";
                case BARGE -> "barges into";
            } + " call " + callId : "Ringing " + extension + " to " + switch (chosen) {
                case LISTEN -> "listen to";
                case WHISPER -> "whisper to the agent of";
                case BARGE -> "barge into";
            } + " call " + callId);
            AuditTrail.record(audit, session, "listen",
                    "call " + callId + " supervisor " + extension + " " + chosen.name().toLowerCase());
        } catch (CallControlException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
