package org.switchboard.api.acd;

import java.time.Duration;

/**
 * A queue's performance since the distributor started (or since midnight, whichever is later), computed from
 * the calls' events. Definitions (also in docs/kpis.md):
 * <ul>
 * <li>offered: calls that entered the queue;</li>
 * <li>service level: calls answered within the queue's threshold / offered;</li>
 * <li>ASA (average speed of answer): total wait of answered calls / answered;</li>
 * <li>AHT (average handling time): (talk + hold + wrap-up) / handled, handled being answered calls that ended;</li>
 * <li>abandon rate: abandoned / offered.</li>
 * </ul>
 *
 * @param offered                    calls that entered the queue
 * @param answered                   of those, answered by an agent
 * @param abandoned                  caller hung up before an answer
 * @param noAgent                    released because no agent took them in time
 * @param answeredWithinServiceLevel answered within the service-level threshold
 * @param totalWaitOfAnswered        sum of the waits of answered calls
 * @param handled                    answered calls that have ended (talk and wrap-up over)
 * @param totalHandling              talk + hold + wrap-up of the handled calls
 */
public record QueueKpis(long offered, long answered, long abandoned, long noAgent, long answeredWithinServiceLevel,
        Duration totalWaitOfAnswered, long handled, Duration totalHandling) {

    public static final QueueKpis NONE = new QueueKpis(0, 0, 0, 0, 0, Duration.ZERO, 0, Duration.ZERO);

    /** Fraction 0..1; 1 when nothing was offered yet. */
    public double serviceLevel() {
        return offered == 0 ? 1.0 : (double) answeredWithinServiceLevel / offered;
    }

    public Duration averageSpeedOfAnswer() {
        return answered == 0 ? Duration.ZERO : totalWaitOfAnswered.dividedBy(answered);
    }

    public Duration averageHandlingTime() {
        return handled == 0 ? Duration.ZERO : totalHandling.dividedBy(handled);
    }

    /** Fraction 0..1. */
    public double abandonRate() {
        return offered == 0 ? 0.0 : (double) abandoned / offered;
    }
}
