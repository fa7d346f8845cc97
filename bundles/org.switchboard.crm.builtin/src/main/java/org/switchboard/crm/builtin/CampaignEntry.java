package org.switchboard.crm.builtin;

import java.time.Instant;
import java.util.Objects;

/**
 * One number to call in a campaign.
 *
 * @param id            the entry's id
 * @param campaign      the campaign's name
 * @param customerId    the customer, or {@code null} for a bare number
 * @param phone         the number, normalised
 * @param attempts      how many times it was called
 * @param lastResult    the result of the last attempt, or {@code null} before the first
 * @param lastAttemptAt when it was last called, or {@code null}
 * @param lastNote      the note of the last attempt, or {@code null}
 * @param doNotCall     never to be called again
 */
public record CampaignEntry(long id, String campaign, String customerId, String phone, int attempts,
        AttemptResult lastResult, Instant lastAttemptAt, String lastNote, boolean doNotCall) {
    public CampaignEntry {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(phone, "phone");
    }
}
