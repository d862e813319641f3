package io.rapport.accounts;

import io.rapport.support.H2Database;

/** The accounts calls of the contract on the embedded H2 database. */
@H2Database
class AccountsApiH2IntegrationTests extends AccountsApiContract {}
