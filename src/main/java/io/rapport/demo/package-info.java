/** Demo data: a believable support organization, loaded into an empty database when RAPPORT_DEMO_DATA=true. */
@ApplicationModule(allowedDependencies = {"common", "accounts", "tickets", "routing", "sla", "knowledge"})
package io.rapport.demo;

import org.springframework.modulith.ApplicationModule;
