package io.rapport.tickets;

import io.rapport.support.PostgresDatabase;

/** Saved replies on PostgreSQL. */
@PostgresDatabase
class SavedRepliesPostgresIntegrationTests extends SavedRepliesContract {}
