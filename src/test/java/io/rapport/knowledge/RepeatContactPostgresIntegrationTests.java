package io.rapport.knowledge;

import io.rapport.support.PostgresDatabase;

/** The repeat-contact watch on PostgreSQL. */
@PostgresDatabase
class RepeatContactPostgresIntegrationTests extends RepeatContactContract {}
