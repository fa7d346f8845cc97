package org.switchboard.crm.builtin.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.store.SchemaMigrations;
import org.switchboard.api.store.Transactions;
import org.switchboard.crm.api.Contact;
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
import org.switchboard.crm.builtin.AttemptResult;
import org.switchboard.crm.builtin.BuiltinCrm;
import org.switchboard.crm.builtin.Campaign;
import org.switchboard.crm.builtin.CampaignEntry;
import org.switchboard.crm.builtin.ImportReport;

/**
 * The built-in CRM: customers, interactions, tickets, leads and campaign lists in the Switchboard database. Its
 * tables are migrated when it starts; it stops with the store's data source, and the server then treats callers
 * as unknown until it is back.
 */
// Immediate: the tables are migrated when the bundle starts, not when the first call comes in.
@Component(service = { CrmAdapter.class, BuiltinCrm.class }, immediate = true,
        property = CrmAdapter.NAME_PROPERTY + "=" + DerbyCrm.NAME)
public class DerbyCrm implements CrmAdapter, BuiltinCrm {

    static final String NAME = "builtin";

    private static final Logger LOG = LoggerFactory.getLogger(DerbyCrm.class);

    private final Transactions transactions;
    private final Clock clock;

    /** The built-in CRM's own Liquibase changelog, applied by the store on the Switchboard database. */
    static final String CHANGELOG = "db/changelog/switchboard-crm.xml";

    @Activate
    public DerbyCrm(@Reference(name = "dataSource", target = "(dataSourceName=switchboard)")
            DataSource dataSource, @Reference(name = "migrations") SchemaMigrations migrations) {
        this(dataSource, migrations, Clock.systemUTC());
    }

    DerbyCrm(DataSource dataSource, SchemaMigrations migrations, Clock clock) {
        migrations.migrate(CHANGELOG, DerbyCrm.class.getClassLoader());
        this.transactions = new Transactions(dataSource, CrmException::new);
        this.clock = clock;
        LOG.info("Built-in CRM ready");
    }

    @Override
    public Optional<Customer> findByPhone(String phone) {
        Optional<String> normalised = PhoneNumbers.normalise(phone);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return transactions.run("find the customer of " + phone, connection -> {
            Optional<String> owner = CustomerTable.ownerOf(connection, normalised.get());
            return owner.isEmpty() ? Optional.empty() : CustomerTable.find(connection, owner.get());
        });
    }

    @Override
    public Optional<Customer> findById(String customerId) {
        return transactions.run("find customer " + customerId,
                connection -> CustomerTable.find(connection, customerId.trim()));
    }

    @Override
    public List<Customer> search(String text, int limit) {
        requirePositive(limit);
        return transactions.run("search customers for " + text,
                connection -> CustomerTable.search(connection, text, limit));
    }

    @Override
    public Customer createCustomer(NewCustomer customer) {
        return transactions.run("create customer " + customer.name(), connection -> CustomerTable.insert(
                connection, Ids.next(connection, "crm_customer_seq", "C", "crm_customer"), customer,
                clock.instant()));
    }

    @Override
    public List<Interaction> history(String customerId, int limit) {
        requirePositive(limit);
        return transactions.run("read the history of customer " + customerId,
                connection -> InteractionTable.history(connection, customerId, limit));
    }

    @Override
    public void recordInteraction(Interaction interaction) {
        String phone = PhoneNumbers.normalise(interaction.phone()).orElse(Texts.clip(interaction.phone(), 32));
        transactions.run("record the interaction of call " + interaction.callId(), connection -> {
            Interaction kept = interaction;
            if (interaction.leadId() == null) {
                // A lead created while the call was going on claims the call.
                Optional<String> lead = LeadTable.ofCall(connection, interaction.callId());
                if (lead.isPresent()) {
                    kept = withLead(interaction, lead.get());
                }
            }
            if (kept.customerId() != null && !CustomerTable.exists(connection, kept.customerId())) {
                throw new CrmException("No customer " + kept.customerId());
            }
            InteractionTable.save(connection, kept, phone);
            return null;
        });
    }

    @Override
    public Ticket createTicket(NewTicket ticket) {
        return transactions.run("open a ticket for customer " + ticket.customerId(), connection -> TicketTable
                .insert(connection, Ids.next(connection, "crm_ticket_seq", "T", "crm_ticket"), ticket,
                        clock.instant()));
    }

    @Override
    public Ticket moveTicket(String ticketId, TicketChange change) {
        return transactions.run("move ticket " + ticketId + " to " + change.to().label(),
                connection -> TicketTable.move(connection, ticketId, change, clock.instant()));
    }

    @Override
    public Optional<Ticket> findTicket(String ticketId) {
        return transactions.run("find ticket " + ticketId, connection -> TicketTable.find(connection, ticketId));
    }

    @Override
    public List<Ticket> tickets(TicketQuery query) {
        return transactions.run("list tickets", connection -> TicketTable.query(connection, query, clock.instant()));
    }

    @Override
    public Lead createLead(NewLead lead) {
        String phone = lead.phone() == null ? null : requirePhone(lead.phone());
        return transactions.run("create lead " + lead.name(), connection -> {
            String id = Ids.next(connection, "crm_lead_seq", "L", "crm_lead");
            LeadStatus status = lead.assignedAgent() == null ? LeadStatus.NEW : LeadStatus.ASSIGNED;
            LeadTable.insert(connection, new Lead(id, lead.name(), phone, lead.email(), lead.source(), status,
                    lead.assignedAgent(), null, lead.notes(), clock.instant()), lead.callId());
            if (lead.callId() != null) {
                InteractionTable.linkToLead(connection, lead.callId(), id);
            }
            return LeadTable.find(connection, id).orElseThrow();
        });
    }

    @Override
    public Lead assignLead(String leadId, String agentId) {
        return transactions.run("assign lead " + leadId + " to " + agentId, connection -> {
            Lead lead = LeadTable.open(connection, leadId);
            return LeadTable.changeOpen(connection, new Lead(lead.id(), lead.name(), lead.phone(), lead.email(),
                    lead.source(), LeadStatus.ASSIGNED, agentId, null, lead.notes(), lead.createdAt()));
        });
    }

    @Override
    public Customer convertLead(String leadId) {
        return transactions.run("convert lead " + leadId, connection -> {
            Lead lead = LeadTable.open(connection, leadId);
            Optional<String> existing = lead.phone() == null ? Optional.empty()
                    : CustomerTable.ownerOf(connection, lead.phone());
            String customerId = existing.isPresent() ? existing.get()
                    : CustomerTable.insert(connection, Ids.next(connection, "crm_customer_seq", "C", "crm_customer"),
                            customerOf(lead), clock.instant()).id();
            LeadTable.changeOpen(connection, new Lead(lead.id(), lead.name(), lead.phone(), lead.email(),
                    lead.source(), LeadStatus.CONVERTED, lead.assignedAgent(), customerId, lead.notes(),
                    lead.createdAt()));
            InteractionTable.moveLeadToCustomer(connection, leadId, customerId);
            return CustomerTable.find(connection, customerId).orElseThrow();
        });
    }

    @Override
    public Lead loseLead(String leadId, String reason) {
        return transactions.run("close lead " + leadId + " as lost", connection -> {
            Lead lead = LeadTable.open(connection, leadId);
            String notes = lead.notes() == null ? "lost: " + reason : lead.notes() + "\nlost: " + reason;
            return LeadTable.changeOpen(connection, new Lead(lead.id(), lead.name(), lead.phone(), lead.email(),
                    lead.source(), LeadStatus.LOST, lead.assignedAgent(), null, notes, lead.createdAt()));
        });
    }

    @Override
    public List<Lead> leads(LeadStatus status, int limit) {
        requirePositive(limit);
        return transactions.run("list leads", connection -> LeadTable.list(connection, status, limit));
    }

    /** The interactions of a lead, newest first; they stay listed after the lead is converted. */
    List<Interaction> leadHistory(String leadId) {
        return transactions.run("read the history of lead " + leadId,
                connection -> InteractionTable.ofLead(connection, leadId));
    }

    @Override
    public Campaign createCampaign(String name, String description, int maxAttempts) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new CrmException("A campaign needs a name of 1 to 64 characters");
        }
        if (maxAttempts < 1) {
            throw new CrmException("maxAttempts must be at least 1: " + maxAttempts);
        }
        return transactions.run("create campaign " + name,
                connection -> CampaignTable.create(connection, name.trim(), description, maxAttempts,
                        clock.instant()));
    }

    @Override
    public List<Campaign> campaigns() {
        return transactions.run("list campaigns", CampaignTable::all);
    }

    @Override
    public CampaignEntry addToCampaign(String campaign, String customerId, String phone) {
        String normalised = requirePhone(phone);
        return transactions.run("add " + normalised + " to campaign " + campaign,
                connection -> CampaignTable.add(connection, campaign, customerId, normalised));
    }

    @Override
    public List<CampaignEntry> entries(String campaign) {
        return transactions.run("list campaign " + campaign, connection -> CampaignTable.entries(connection,
                campaign));
    }

    @Override
    public List<CampaignEntry> toCall(String campaign, int limit) {
        requirePositive(limit);
        return transactions.run("list what is left to call in campaign " + campaign,
                connection -> CampaignTable.toCall(connection, campaign, limit));
    }

    @Override
    public CampaignEntry recordAttempt(long entryId, AttemptResult result, String note) {
        return transactions.run("record an attempt on campaign entry " + entryId,
                connection -> CampaignTable.recordAttempt(connection, entryId, result, note, clock.instant()));
    }

    @Override
    public void markDoNotCall(String phone) {
        String normalised = requirePhone(phone);
        transactions.run("mark " + normalised + " do-not-call", connection -> {
            CampaignTable.markDoNotCall(connection, normalised);
            return null;
        });
    }

    @Override
    public ImportReport importCustomers(Reader csv) {
        List<Csv.Row> rows = read(csv);
        return transactions.run("import customers",
                connection -> CustomerCsv.importAll(connection, rows, clock.instant()));
    }

    @Override
    public ImportReport importLeads(Reader csv) {
        List<Csv.Row> rows = read(csv);
        return transactions.run("import leads", connection -> LeadCsv.importAll(connection, rows, clock.instant()));
    }

    @Override
    public int exportCustomers(Writer csv) {
        return transactions.run("export customers", connection -> {
            try {
                return CustomerCsv.exportAll(connection, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public int exportLeads(Writer csv) {
        return transactions.run("export leads", connection -> {
            try {
                return LeadCsv.exportAll(connection, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<Csv.Row> read(Reader csv) {
        try {
            return Csv.read(csv);
        } catch (IOException e) {
            throw new CrmException("Cannot read the CSV file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CrmException("The CSV file is malformed: " + e.getMessage(), e);
        }
    }

    private static NewCustomer customerOf(Lead lead) {
        List<String> phones = lead.phone() == null ? List.of() : List.of(lead.phone());
        List<Contact> contacts = new ArrayList<>();
        if (lead.email() != null) {
            contacts.add(new Contact(lead.name(), null, lead.phone(), lead.email()));
        }
        return new NewCustomer(lead.name(), 0, null, lead.assignedAgent(), null, phones, contacts);
    }

    private static Interaction withLead(Interaction interaction, String leadId) {
        return new Interaction(interaction.callId(), interaction.customerId(), leadId, interaction.phone(),
                interaction.queue(), interaction.agentId(), interaction.disposition(), interaction.startedAt(),
                interaction.endedAt(), interaction.notes(), interaction.recordingId());
    }

    private static String requirePhone(String phone) {
        try {
            return PhoneNumbers.require(phone);
        } catch (IllegalArgumentException e) {
            throw new CrmException(e.getMessage());
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
