package io.rapport.tickets;

import io.rapport.support.PostgresDatabase;

/** Related tickets, followers and mentions on PostgreSQL. */
@PostgresDatabase
class CollaborationPostgresIntegrationTests extends CollaborationContract {}
