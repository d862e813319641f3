/**
 * SLA: policies, business-hours calendars, targets and breach warnings (issue 9, ADRs 21, 25). Reacts to ticket events;
 * tickets knows nothing of it (it shows the targets through {@link io.rapport.tickets.TicketFacet} and
 * {@link io.rapport.tickets.TicketPanel}). Targets count business time on {@link io.rapport.common.BusinessCalendar}
 * (in common, since agents' working hours use it too).
 */
@ApplicationModule(allowedDependencies = {"common", "web", "mail", "accounts", "tickets"})
package io.rapport.sla;

import org.springframework.modulith.ApplicationModule;
