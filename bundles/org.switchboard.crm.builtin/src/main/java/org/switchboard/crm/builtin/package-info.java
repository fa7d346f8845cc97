/**
 * What the built-in CRM offers beyond the {@link org.switchboard.crm.api.CrmAdapter} SPI: campaign lists for
 * outbound calls and CSV import and export of customers and leads, through {@link BuiltinCrm}.
 */
@Version("1.0.0")
package org.switchboard.crm.builtin;

import org.osgi.annotation.versioning.Version;
