package io.rapport.routing;

import io.rapport.support.PostgresDatabase;

/** Routing on PostgreSQL. */
@PostgresDatabase
class RoutingPostgresIntegrationTests extends RoutingContract {}
