package org.switchboard.crm.api;

import java.util.List;
import java.util.Objects;

/**
 * What the agent sees when a customer's call rings: the screen pop.
 *
 * @param customer         the customer
 * @param openTickets      how many of the customer's tickets are still open
 * @param lastInteractions the customer's most recent interactions, newest first
 * @param lastAgent        the agent who served the customer last, or {@code null} when none has
 */
public record CustomerCard(Customer customer, int openTickets, List<Interaction> lastInteractions,
        String lastAgent) {
    public CustomerCard {
        Objects.requireNonNull(customer, "customer");
        lastInteractions = List.copyOf(lastInteractions);
    }
}
