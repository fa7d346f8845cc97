package org.switchboard.routing.strategy.previousagent.internal;

import java.util.Map;
import java.util.Optional;

import org.switchboard.routing.api.CallSnapshot;

/**
 * What the CRM said about a caller, read from the call's variables (set by the CRM before routing).
 *
 * @param ani           the caller's number
 * @param customerId    the customer, when the CRM knows the caller
 * @param customerName  the customer's name, when known
 * @param vipLevel      the customer's VIP level, when known
 * @param previousAgent the agent who served the customer last, when there is one
 */
record CrmCaller(String ani, Optional<String> customerId, Optional<String> customerName, Optional<String> vipLevel,
        Optional<String> previousAgent) {
    static final String CUSTOMER_ID = "crm.customerId";
    static final String CUSTOMER_NAME = "crm.customerName";
    static final String VIP_LEVEL = "crm.vipLevel";
    static final String PREVIOUS_AGENT = "crm.previousAgent";

    static CrmCaller of(CallSnapshot call) {
        Map<String, String> variables = call.variables();
        Optional<String> customerId = call.customerId().filter(id -> !id.isBlank())
                .or(() -> present(variables, CUSTOMER_ID));
        return new CrmCaller(call.ani(), customerId, present(variables, CUSTOMER_NAME),
                present(variables, VIP_LEVEL).filter(level -> !level.equals("0")), present(variables, PREVIOUS_AGENT));
    }

    /** The caller in a decision's reason: "customer C-17 (Li Wei, VIP 2)", or the number when unknown. */
    String describe() {
        if (customerId.isEmpty()) {
            return "caller " + ani + " not known to the CRM";
        }
        StringBuilder text = new StringBuilder("customer ").append(customerId.get());
        if (customerName.isPresent() || vipLevel.isPresent()) {
            text.append(" (").append(customerName.orElse(""));
            vipLevel.ifPresent(level -> text.append(customerName.isPresent() ? ", " : "").append("VIP ").append(level));
            text.append(')');
        }
        return text.toString();
    }

    private static Optional<String> present(Map<String, String> variables, String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
