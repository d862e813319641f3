package io.rapport.sla;

import io.rapport.support.H2Database;

/** SLA on the embedded H2 database. */
@H2Database
class SlaH2IntegrationTests extends SlaContract {}
