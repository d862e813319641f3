package io.rapport.knowledge;

import io.rapport.support.PostgresDatabase;

/** Suggestions on PostgreSQL. */
@PostgresDatabase
class SuggestionsPostgresIntegrationTests extends SuggestionsContract {}
