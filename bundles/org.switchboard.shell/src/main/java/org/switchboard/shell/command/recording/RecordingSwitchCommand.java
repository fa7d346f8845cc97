package org.switchboard.shell.command.recording;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.recording.Recorder;
import org.switchboard.shell.command.AuditTrail;

/** Pauses or resumes the recording of a call, as the supervisor logged in to the shell, and audits it. */
abstract class RecordingSwitchCommand implements Action {

    @Argument(index = 0, name = "call", description = "Call id", required = true)
    @Completion(RecordingCallIdCompleter.class)
    String callId;

    @Reference
    Recorder recorder;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    /** Pauses or resumes; false when the recording is not in the state to be switched so. */
    abstract boolean switchRecording(String by);

    /** The command's name, for the audit log. */
    abstract String action();

    /** "paused" or "resumed". */
    abstract String done();

    /** Why it could not be done, besides the call not being recorded. */
    abstract String notSwitchable();

    @Override
    public Object execute() {
        if (!switchRecording("supervisor " + AuditTrail.who(session))) {
            System.err.println("Call " + callId + " is not being recorded, or its recording " + notSwitchable());
            return null;
        }
        System.out.println("Recording of call " + callId + " " + done());
        AuditTrail.record(audit, session, action(), "call " + callId);
        return null;
    }
}
