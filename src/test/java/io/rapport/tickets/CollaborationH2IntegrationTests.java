package io.rapport.tickets;

import io.rapport.support.H2Database;

/** Related tickets, followers and mentions on the embedded H2 database. */
@H2Database
class CollaborationH2IntegrationTests extends CollaborationContract {}
