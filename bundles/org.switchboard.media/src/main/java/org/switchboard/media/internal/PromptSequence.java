package org.switchboard.media.internal;

import java.util.Arrays;
import java.util.List;

/** Prompts one after the other, each as it is; the end of the last frame is silence. */
final class PromptSequence implements AudioSource {
    private final List<short[]> prompts;
    private int prompt;
    private int position;

    PromptSequence(List<short[]> prompts) {
        this.prompts = List.copyOf(prompts);
    }

    @Override
    public boolean next(short[] frame) {
        int filled = 0;
        while (filled < frame.length && prompt < prompts.size()) {
            short[] samples = prompts.get(prompt);
            int count = Math.min(frame.length - filled, samples.length - position);
            System.arraycopy(samples, position, frame, filled, count);
            filled += count;
            position += count;
            if (position == samples.length) {
                prompt++;
                position = 0;
            }
        }
        if (filled == 0) {
            return false;
        }
        Arrays.fill(frame, filled, frame.length, (short) 0);
        return true;
    }
}
