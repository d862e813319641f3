/**
 * Accounts: agents with roles, teams, skills and languages; customers and their identities; API tokens; and signing
 * in: agents by password (form or HTTP Basic) or API token, customers by emailed link, with back-off after repeated
 * failures. It contributes the sign-in mechanisms and its own routes' rules to the shell's filter chains.
 */
@ApplicationModule(allowedDependencies = {"common", "web", "mail"})
package io.rapport.accounts;

import org.springframework.modulith.ApplicationModule;
