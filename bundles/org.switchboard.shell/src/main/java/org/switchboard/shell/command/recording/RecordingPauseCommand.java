package org.switchboard.shell.command.recording;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.recording.Recorder;
import org.switchboard.shell.command.AuditTrail;

@Command(scope = "callcenter", name = "recording-pause",
        description = "Pauses the recording of a call (silence is recorded, and the interval kept) until recording-resume")
@Service
public class RecordingPauseCommand implements Action {

    @Argument(index = 0, name = "call", description = "Call id", required = true)
    @Completion(RecordingCallIdCompleter.class)
    String callId;

    @Reference
    Recorder recorder;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        String who = AuditTrail.who(session);
        if (!recorder.pause(callId, "supervisor " + who)) {
            System.err.println("Call " + callId + " is not being recorded, or its recording is already paused");
            return null;
        }
        System.out.println("Recording of call " + callId + " paused");
        AuditTrail.record(audit, session, "recording-pause", "call " + callId);
        return null;
    }
}
