package io.rapport.tickets;

import io.rapport.support.H2Database;

/** The API contract on the embedded H2 database. */
@H2Database
class TicketApiH2IntegrationTests extends TicketApiContract {}
