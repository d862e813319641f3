package io.rapport.tickets;

import io.rapport.support.PostgresDatabase;

/** The API contract on PostgreSQL. */
@PostgresDatabase
class TicketApiPostgresIntegrationTests extends TicketApiContract {}
