package org.switchboard.crm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The metatype of {@code org.switchboard.crm}; {@link CrmSettings} reads and checks the values. */
@ObjectClassDefinition(name = "Switchboard CRM",
        description = "Which CRM recognises callers, and how long a call may wait for it")
@interface CrmConfig {

    @AttributeDefinition(description = "Name of the CRM adapter in use (service property switchboard.crm.adapter), "
            + "for example builtin or rest; also set by callcenter:crm-use")
    String adapter() default "builtin";

    @AttributeDefinition(description = "How long a call waits at most for its caller to be looked up, in "
            + "milliseconds; a late CRM leaves the caller unknown", min = "1", max = "10000")
    int lookupBudgetMillis() default 200;

    @AttributeDefinition(description = "How long a lookup's answer is reused, in seconds; 0 never reuses",
            min = "0", max = "86400")
    int cacheSeconds() default 60;

    @AttributeDefinition(description = "How many callers' answers are kept at most", min = "1", max = "1000000")
    int cacheSize() default 10000;

    @AttributeDefinition(description = "Whether a caller the CRM does not know becomes a new customer when the "
            + "call ends")
    boolean createUnknownCallers() default true;
}
