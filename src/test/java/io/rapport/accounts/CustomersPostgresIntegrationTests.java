package io.rapport.accounts;

import io.rapport.support.PostgresDatabase;

/** Customers and organizations on PostgreSQL. */
@PostgresDatabase
class CustomersPostgresIntegrationTests extends CustomersContract {}
