package io.rapport.tickets;

import io.rapport.support.PostgresDatabase;

/** Merging and bulk changes on PostgreSQL. */
@PostgresDatabase
class TicketMergeAndBulkPostgresIntegrationTests extends TicketMergeAndBulkContract {}
