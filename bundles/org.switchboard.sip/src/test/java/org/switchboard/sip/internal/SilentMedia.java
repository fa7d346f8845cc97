package org.switchboard.sip.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.switchboard.api.media.MediaLeg;
import org.switchboard.api.media.MediaServer;
import org.switchboard.api.media.MediaStatistics;
import org.switchboard.api.media.Playback;

/**
 * A media server for the SIP edge's unit tests, which are about signalling: its legs describe a PCMU endpoint on a
 * fixed port and send nothing. It counts the legs open, so tests can check that every call releases its media.
 */
final class SilentMedia implements MediaServer {
    final AtomicInteger open = new AtomicInteger();

    @Override
    public MediaLeg answer(String callId, String legName, String offer) {
        return new Leg();
    }

    @Override
    public MediaLeg offer(String callId, String legName) {
        return new Leg();
    }

    @Override
    public boolean hasPrompt(String name) {
        return false;
    }

    @Override
    public int openLegs() {
        return open.get();
    }

    private final class Leg implements MediaLeg {
        private boolean closed;

        Leg() {
            open.incrementAndGet();
        }

        @Override
        public String localDescription() {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        }

        @Override
        public void answered(String answer) {
        }

        @Override
        public String reoffered(String offer) {
            return localDescription();
        }

        @Override
        public boolean remoteHolds() {
            return false;
        }

        @Override
        public Playback play(List<String> prompts) {
            return finished();
        }

        @Override
        public Playback playMusicOnHold() {
            return finished();
        }

        @Override
        public Playback playRingback() {
            return finished();
        }

        @Override
        public void stopPlaying() {
        }

        @Override
        public void onDtmf(Consumer<Character> listener) {
        }

        @Override
        public void bridge(MediaLeg other) {
        }

        @Override
        public void unbridge() {
        }

        @Override
        public MediaStatistics statistics() {
            return new MediaStatistics(0, 0, 0, 0, "PCMU");
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                open.decrementAndGet();
            }
        }

        private Playback finished() {
            return new Playback() {
                @Override
                public CompletionStage<Boolean> finished() {
                    return CompletableFuture.completedFuture(false);
                }

                @Override
                public void stop() {
                }
            };
        }
    }
}
