/**
 * Knowledge (issue 10): search over tickets and customers, on a Lucene index each node keeps and derives from the
 * database by following a change log (ADR 26). Reacts to ticket and customer events; neither module knows of it.
 */
@ApplicationModule(allowedDependencies = {"common", "web", "accounts", "tickets"})
package io.rapport.knowledge;

import org.springframework.modulith.ApplicationModule;
