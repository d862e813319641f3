package io.rapport.routing;

import io.rapport.support.H2Database;

/** Routing on the embedded H2 database. */
@H2Database
class RoutingH2IntegrationTests extends RoutingContract {}
