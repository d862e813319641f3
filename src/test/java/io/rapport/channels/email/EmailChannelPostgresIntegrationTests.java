package io.rapport.channels.email;

import io.rapport.support.PostgresDatabase;

/** The email channel on PostgreSQL. */
@PostgresDatabase
class EmailChannelPostgresIntegrationTests extends EmailChannelContract {}
