package io.rapport.knowledge;

import io.rapport.support.PostgresDatabase;

/** Search on PostgreSQL. */
@PostgresDatabase
class SearchPostgresIntegrationTests extends SearchContract {}
