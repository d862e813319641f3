package io.rapport.tickets;

import io.rapport.support.PostgresDatabase;

/** Escalations on PostgreSQL. */
@PostgresDatabase
class EscalationPostgresIntegrationTests extends EscalationContract {}
