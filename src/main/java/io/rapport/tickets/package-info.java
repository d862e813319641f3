/**
 * Tickets: one customer problem each, with its conversation (customer messages, public replies, internal notes),
 * attachments, tags and audit trail. The status is the workflow; the outcome, kept apart, is whether the customer said
 * the problem is solved.
 */
@ApplicationModule(allowedDependencies = {"common", "accounts", "web", "mail"})
package io.rapport.tickets;

import org.springframework.modulith.ApplicationModule;
