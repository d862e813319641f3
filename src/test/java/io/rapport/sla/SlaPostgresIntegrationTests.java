package io.rapport.sla;

import io.rapport.support.PostgresDatabase;

/** SLA on PostgreSQL. */
@PostgresDatabase
class SlaPostgresIntegrationTests extends SlaContract {}
