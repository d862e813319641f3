package io.rapport.tickets;

import io.rapport.support.H2Database;

/** Escalations on the embedded H2 database. */
@H2Database
class EscalationH2IntegrationTests extends EscalationContract {}
