/**
 * Accounts: agents with roles, teams, skills and languages; customers and their identities; API tokens; sign-in for agents
 * (password) and customers (emailed link), with back-off after repeated failures.
 */
@ApplicationModule(allowedDependencies = {"common"})
package io.rapport.accounts;

import org.springframework.modulith.ApplicationModule;
