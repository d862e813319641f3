package io.rapport.accounts;

import io.rapport.support.PostgresDatabase;

/** The accounts calls of the contract on PostgreSQL. */
@PostgresDatabase
class AccountsApiPostgresIntegrationTests extends AccountsApiContract {}
