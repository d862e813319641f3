package io.rapport.accounts;

import io.rapport.support.PostgresDatabase;

/** Admin work over the API on PostgreSQL. */
@PostgresDatabase
class AdminPostgresIntegrationTests extends AdminContract {}
