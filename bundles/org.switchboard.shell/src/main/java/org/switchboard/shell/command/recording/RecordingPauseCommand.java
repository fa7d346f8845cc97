package org.switchboard.shell.command.recording;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "callcenter", name = "recording-pause",
        description = "Pauses the recording of a call (silence is recorded, and the interval kept) until recording-resume")
@Service
public class RecordingPauseCommand extends RecordingSwitchCommand {

    @Override
    boolean switchRecording(String by) {
        return recorder.pause(callId, by);
    }

    @Override
    String action() {
        return "recording-pause";
    }

    @Override
    String done() {
        return "paused";
    }

    @Override
    String notSwitchable() {
        return "is already paused";
    }
}
