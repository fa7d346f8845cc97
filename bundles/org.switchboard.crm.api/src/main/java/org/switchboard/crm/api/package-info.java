/**
 * The CRM adapter SPI. A CRM is an OSGi service implementing {@link CrmAdapter}, registered with the service
 * property {@link CrmAdapter#NAME_PROPERTY}; the server uses the one whose name is configured (the built-in CRM
 * is named {@code builtin}). Data crosses the boundary as immutable records: {@link Customer},
 * {@link Interaction}, {@link Ticket}, {@link Lead}. {@link CustomerDirectory} is what the server offers on top of
 * the adapter in use to the shell and the console.
 * <p>
 * CRM adapters are built against this package alone; its version follows semantic versioning.
 */
@Version("1.0.0")
package org.switchboard.crm.api;

import org.osgi.annotation.versioning.Version;
