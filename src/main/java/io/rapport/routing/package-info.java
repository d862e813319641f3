/**
 * Routing: who should take a ticket, and why (issue 9). So far the decision itself ({@link io.rapport.routing.Router}):
 * required skills, the customer's language, tier, load and turn, explained in words a person would use.
 */
@ApplicationModule(allowedDependencies = {"common", "accounts"})
package io.rapport.routing;

import org.springframework.modulith.ApplicationModule;
