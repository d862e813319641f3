/**
 * SLA: policies, business-hours calendars, targets and breach warnings (issue 9). Reacts to ticket events; tickets
 * knows nothing of it. Targets count business time on {@link io.rapport.common.BusinessCalendar} (in common, since agents'
 * working hours use it too).
 */
@ApplicationModule(allowedDependencies = {"common"})
package io.rapport.sla;

import org.springframework.modulith.ApplicationModule;
