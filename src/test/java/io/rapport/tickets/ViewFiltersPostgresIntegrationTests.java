package io.rapport.tickets;

import io.rapport.support.PostgresDatabase;

/** Filters, sorts and saved views of the workspace lists on PostgreSQL (its sort indexes and plans differ). */
@PostgresDatabase
class ViewFiltersPostgresIntegrationTests extends ViewFiltersContract {}
