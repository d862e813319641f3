/**
 * Jobs: background work that must run once across all nodes on one database and survive a restart (ADR 12). Every
 * module's timers are db-scheduler tasks (beans of its {@code Task} types) that this module runs; it also looks after
 * the event publication registry, whose failed and stranded publications it hands back to their listeners.
 */
@ApplicationModule(allowedDependencies = {"common"})
package io.rapport.jobs;

import org.springframework.modulith.ApplicationModule;
