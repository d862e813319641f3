/**
 * Routing: who should take a ticket, and why (issue 9, ADRs 22-24). {@link io.rapport.routing.Router} decides from
 * required skills, the customer's language, tier, load and turn, explained in words a person would use; the
 * assignment service reacts to new and escalated tickets, pushes or queues per team ({@link
 * io.rapport.routing.RoutingRules}), waits and widens; {@link io.rapport.routing.Routings} explains each decision.
 * It also tells tickets the language of a customer's first message (Lingua, for the configured languages).
 */
@ApplicationModule(allowedDependencies = {"common", "web", "accounts", "tickets", "knowledge"})
package io.rapport.routing;

import org.springframework.modulith.ApplicationModule;
