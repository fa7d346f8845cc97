package org.switchboard.crm.rest.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.switchboard.crm.api.CrmAdapter;

/**
 * Registers the {@code rest} adapter and hands it its configuration {@value RestCrmSettings#PID}. The adapter is
 * registered by hand, with its name as its only property: Declarative Services would copy a component's
 * configuration into the properties of its service, where any bundle could read the authentication header.
 */
@Component(configurationPid = RestCrmSettings.PID, service = {}, immediate = true)
@Designate(ocd = RestCrmRegistration.Config.class)
public class RestCrmRegistration {

    @ObjectClassDefinition(name = "Switchboard CRM adapter rest",
            description = "An external CRM over HTTP and JSON; select it with adapter = rest in org.switchboard.crm")
    @interface Config {
        @AttributeDefinition(description = "The CRM's base URL, e.g. https://crm.example.com/api; the endpoints' "
                + "paths are appended to it")
        String baseUrl() default "";

        @AttributeDefinition(description = "Header sent with every request, e.g. 'Authorization: Bearer TOKEN'; "
                + "never logged", type = AttributeType.PASSWORD)
        String authHeader() default "";

        @AttributeDefinition(description = "Longest time to connect, in milliseconds", min = "1", max = "60000")
        int connectTimeoutMillis() default 1000;

        @AttributeDefinition(description = "Longest time to wait for an answer, in milliseconds", min = "1",
                max = "60000")
        int readTimeoutMillis() default 2000;

        @AttributeDefinition(description = "Endpoint looking a customer up by phone number; 404 or an empty list "
                + "means unknown")
        String findByPhonePath() default "GET /customers?phone={phone}";

        @AttributeDefinition(description = "Endpoint of one customer by id")
        String findByIdPath() default "GET /customers/{customerId}";

        @AttributeDefinition(description = "Endpoint of a customer's interactions, newest first")
        String historyPath() default "GET /customers/{customerId}/interactions?limit={limit}";

        @AttributeDefinition(description = "Endpoint that keeps a call's interaction (idempotent per call id)")
        String recordInteractionPath() default "PUT /interactions/{callId}";

        @AttributeDefinition(description = "Endpoint searching customers by text")
        String searchPath() default "GET /customers?search={text}&limit={limit}";

        @AttributeDefinition(description = "Endpoint creating a customer; answers the customer with its id")
        String createCustomerPath() default "POST /customers";

        @AttributeDefinition(description = "Endpoint opening a ticket")
        String createTicketPath() default "POST /tickets";

        @AttributeDefinition(description = "Endpoint taking a step in a ticket's workflow")
        String moveTicketPath() default "POST /tickets/{ticketId}/steps";

        @AttributeDefinition(description = "Endpoint of one ticket")
        String findTicketPath() default "GET /tickets/{ticketId}";

        @AttributeDefinition(description = "Endpoint listing tickets")
        String ticketsPath() default "GET /tickets?customerId={customerId}&open={openOnly}&overdue={overdueOnly}"
                + "&limit={limit}";

        @AttributeDefinition(description = "Endpoint creating a lead")
        String createLeadPath() default "POST /leads";

        @AttributeDefinition(description = "Endpoint giving a lead to an agent")
        String assignLeadPath() default "POST /leads/{leadId}/assign";

        @AttributeDefinition(description = "Endpoint converting a lead to a customer; answers the customer")
        String convertLeadPath() default "POST /leads/{leadId}/convert";

        @AttributeDefinition(description = "Endpoint closing a lead as lost")
        String loseLeadPath() default "POST /leads/{leadId}/lose";

        @AttributeDefinition(description = "Endpoint listing leads")
        String leadsPath() default "GET /leads?status={status}&limit={limit}";

        @AttributeDefinition(description = "Where the array sits in answers that list records (empty: the answer "
                + "is the array)")
        String listField() default "";

        @AttributeDefinition(name = "field.customerId", description = "Dotted path of the customer's id in the JSON")
        String field_customerId() default "id";

        @AttributeDefinition(name = "field.name", description = "Dotted path of the customer's name in the JSON")
        String field_name() default "name";

        @AttributeDefinition(name = "field.vipLevel", description = "Dotted path of the customer's VIP level (a "
                + "number, or a label of vipLevels) in the JSON")
        String field_vipLevel() default "vipLevel";

        @AttributeDefinition(name = "interaction.agentId", description = "Dotted path of the agent who served, in "
                + "an interaction's JSON")
        String interaction_agentId() default "agentId";

        @AttributeDefinition(description = "VIP levels of the CRM's labels, e.g. silver:1, gold:2")
        String vipLevels() default "";
    }

    private final RestCrmAdapter adapter = new RestCrmAdapter();
    private final ServiceRegistration<CrmAdapter> registration;

    @Activate
    public RestCrmRegistration(BundleContext context, Map<String, Object> properties) {
        adapter.configure(properties);
        Dictionary<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(CrmAdapter.NAME_PROPERTY, RestCrmAdapter.NAME);
        registration = context.registerService(CrmAdapter.class, adapter, serviceProperties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        adapter.configure(properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
