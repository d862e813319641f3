/**
 * SLA: policies, business-hours calendars, targets and breach warnings (issue 9). Reacts to ticket events; tickets
 * knows nothing of it. So far: the calendar arithmetic every target rests on ({@link io.rapport.sla.BusinessCalendar}).
 */
@ApplicationModule(allowedDependencies = {"common"})
package io.rapport.sla;

import org.springframework.modulith.ApplicationModule;
