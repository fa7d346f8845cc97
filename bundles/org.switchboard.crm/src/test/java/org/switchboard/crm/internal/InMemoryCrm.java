package org.switchboard.crm.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.switchboard.crm.api.CrmAdapter;
import org.switchboard.crm.api.CrmException;
import org.switchboard.crm.api.Customer;
import org.switchboard.crm.api.Interaction;
import org.switchboard.crm.api.Lead;
import org.switchboard.crm.api.LeadStatus;
import org.switchboard.crm.api.NewCustomer;
import org.switchboard.crm.api.NewLead;
import org.switchboard.crm.api.NewTicket;
import org.switchboard.crm.api.Ticket;
import org.switchboard.crm.api.TicketChange;
import org.switchboard.crm.api.TicketQuery;

/**
 * A CRM kept in memory, for the core's tests: customers and interactions, a count of the lookups by number it served, a
 * latch that can hold lookups back, and recordings that can be made to fail a number of times.
 */
final class InMemoryCrm implements CrmAdapter {

    final Map<String, Customer> customers = new ConcurrentHashMap<>();
    final BlockingQueue<Interaction> recorded = new LinkedBlockingQueue<>();
    /** Lookups by phone number, each the start of a card lookup. */
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger recordingsToFail = new AtomicInteger();
    final AtomicInteger recordingAttempts = new AtomicInteger();
    private final List<Interaction> history = new ArrayList<>();
    private volatile CountDownLatch lookupGate = new CountDownLatch(0);
    private final AtomicInteger nextId = new AtomicInteger(1);

    Customer add(String name, int vipLevel, String region, String... phones) {
        Customer customer = new Customer("C" + nextId.getAndIncrement(), name, vipLevel, region, null, null,
                List.of(phones), List.of(), Instant.parse("2026-01-01T00:00:00Z"));
        customers.put(customer.id(), customer);
        return customer;
    }

    /** Lookups wait until {@link #releaseLookups} is called. */
    void holdLookups() {
        lookupGate = new CountDownLatch(1);
    }

    void releaseLookups() {
        lookupGate.countDown();
    }

    synchronized void served(Interaction interaction) {
        history.add(interaction);
    }

    @Override
    public Optional<Customer> findByPhone(String phone) {
        lookups.incrementAndGet();
        try {
            lookupGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException("interrupted");
        }
        return customers.values().stream().filter(customer -> customer.phones().contains(phone)).findFirst();
    }

    @Override
    public Optional<Customer> findById(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public List<Customer> search(String text, int limit) {
        return customers.values().stream().filter(customer -> customer.name().contains(text)).limit(limit).toList();
    }

    @Override
    public Customer createCustomer(NewCustomer customer) {
        Customer created = new Customer("C" + nextId.getAndIncrement(), customer.name(), customer.vipLevel(),
                customer.region(), customer.ownerAgent(), customer.ownerTeam(), customer.phones(),
                customer.contacts(), Instant.now());
        customers.put(created.id(), created);
        return created;
    }

    @Override
    public synchronized List<Interaction> history(String customerId, int limit) {
        return history.stream().filter(interaction -> customerId.equals(interaction.customerId()))
                .sorted(Comparator.comparing(Interaction::startedAt).reversed()).limit(limit).toList();
    }

    @Override
    public void recordInteraction(Interaction interaction) {
        recordingAttempts.incrementAndGet();
        if (recordingsToFail.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new CrmException("the CRM is down");
        }
        served(interaction);
        recorded.add(interaction);
    }

    @Override
    public Ticket createTicket(NewTicket ticket) {
        throw new CrmException("no tickets here");
    }

    @Override
    public Ticket moveTicket(String ticketId, TicketChange change) {
        throw new CrmException("no tickets here");
    }

    @Override
    public Optional<Ticket> findTicket(String ticketId) {
        return Optional.empty();
    }

    @Override
    public List<Ticket> tickets(TicketQuery query) {
        return List.of();
    }

    @Override
    public Lead createLead(NewLead lead) {
        throw new CrmException("no leads here");
    }

    @Override
    public Lead assignLead(String leadId, String agentId) {
        throw new CrmException("no leads here");
    }

    @Override
    public Customer convertLead(String leadId) {
        throw new CrmException("no leads here");
    }

    @Override
    public Lead loseLead(String leadId, String reason) {
        throw new CrmException("no leads here");
    }

    @Override
    public List<Lead> leads(LeadStatus status, int limit) {
        return List.of();
    }
}
