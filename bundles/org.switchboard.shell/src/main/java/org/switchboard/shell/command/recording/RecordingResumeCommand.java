package org.switchboard.shell.command.recording;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "callcenter", name = "recording-resume", description = "Resumes the paused recording of a call")
@Service
public class RecordingResumeCommand extends RecordingSwitchCommand {

    @Override
    boolean switchRecording(String by) {
        return recorder.resume(callId, by);
    }

    @Override
    String action() {
        return "recording-resume";
    }

    @Override
    String done() {
        return "resumed";
    }

    @Override
    String notSwitchable() {
        return "is not paused";
    }
}
