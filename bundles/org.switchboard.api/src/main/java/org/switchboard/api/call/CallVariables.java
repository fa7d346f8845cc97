package org.switchboard.api.call;

/**
 * Names of the call variables that bundles hand each other through the distributor (see
 * {@link CallDetailRecordStore#variables}): what the CRM found about the caller, and how a blind transfer links the
 * records of one conversation. Call flows add variables of their own names.
 *
 * @since 1.3
 */
public final class CallVariables {
    /** The CRM's id of the caller's customer. */
    public static final String CUSTOMER_ID = "crm.customerId";
    /** The customer's name. */
    public static final String CUSTOMER_NAME = "crm.customerName";
    /** 0 for an ordinary customer, higher for more important ones. */
    public static final String VIP_LEVEL = "crm.vipLevel";
    /** The customer's region, when the CRM has one. */
    public static final String REGION = "crm.region";
    /** The agent who served the customer last. */
    public static final String PREVIOUS_AGENT = "crm.previousAgent";

    /** On a record whose agent transferred the caller on: the target ({@code queue:}, {@code agent:}, {@code number:}). */
    public static final String TRANSFER_TO = "transfer.to";
    /** On the record a blind transfer starts: the record it came from. */
    public static final String TRANSFER_FROM = "transfer.from";
    /** On the record a blind transfer starts: the agent who transferred the caller. */
    public static final String TRANSFER_AGENT = "transfer.agent";
    /** On the record a transfer to one agent starts: that agent, who alone is offered the call for a while. */
    public static final String TRANSFER_TO_AGENT = "transfer.toAgent";
    /**
     * On the record a blind transfer starts: the first record of the conversation, whose id the call's media legs
     * keep (see {@link org.switchboard.api.media.MediaLeg#callId()}).
     */
    public static final String TRANSFER_ORIGIN = "transfer.origin";

    private CallVariables() {
    }
}
