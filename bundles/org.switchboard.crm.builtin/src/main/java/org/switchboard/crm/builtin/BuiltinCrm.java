package org.switchboard.crm.builtin;

import java.io.Reader;
import java.io.Writer;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.crm.api.CrmException;

/**
 * The built-in CRM's own operations: campaign lists and CSV files. Registered as a service by the built-in CRM
 * bundle beside its {@link org.switchboard.crm.api.CrmAdapter}; methods may block on the database and throw
 * {@link CrmException} when it fails.
 * <p>
 * CSV files are UTF-8, comma-separated, with a header row naming the columns (in any order; unknown columns
 * are refused); fields holding commas, quotes or line breaks are quoted with {@code "}. Row numbers in reports
 * count the header as row 1, as a spreadsheet shows them.
 * <ul>
 * <li>customers: {@code id,name,vip_level,region,owner_agent,owner_team,phones,created_at}; only {@code name} is
 * required; {@code phones} separated by {@code ;}; a blank {@code id} gets a new one.</li>
 * <li>leads: {@code id,name,phone,email,source,status,assigned_agent,converted_customer_id,notes,created_at};
 * only {@code name} is required; {@code source} defaults to {@code import}.</li>
 * </ul>
 */
@ProviderType
public interface BuiltinCrm {

    /** Creates an empty campaign list; an entry is tried at most {@code maxAttempts} times. */
    Campaign createCampaign(String name, String description, int maxAttempts);

    List<Campaign> campaigns();

    /**
     * Adds a number to call to a campaign, for a customer or ({@code customerId} null) a bare number. A number
     * marked do-not-call in any campaign is added already marked.
     *
     * @throws CrmException when the campaign or customer does not exist, or the number is in the campaign already
     */
    CampaignEntry addToCampaign(String campaign, String customerId, String phone);

    /** Every entry of the campaign, in the order they were added. */
    List<CampaignEntry> entries(String campaign);

    /** The entries still to call: not reached, not do-not-call, fewer attempts than the campaign allows. */
    List<CampaignEntry> toCall(String campaign, int limit);

    /** Counts an attempt on an entry and keeps its result; {@link AttemptResult#DO_NOT_CALL} marks the entry. */
    CampaignEntry recordAttempt(long entryId, AttemptResult result, String note);

    /** Marks the number do-not-call in every campaign it is in, and in those it is added to later. */
    void markDoNotCall(String phone);

    /** Imports customers; all of them or, when any row is bad, none. */
    ImportReport importCustomers(Reader csv);

    /** Imports leads; all of them or, when any row is bad, none. */
    ImportReport importLeads(Reader csv);

    /** Writes every customer, in id order, in the format {@link #importCustomers} reads. */
    int exportCustomers(Writer csv);

    /** Writes every lead, in id order, in the format {@link #importLeads} reads. */
    int exportLeads(Writer csv);
}
