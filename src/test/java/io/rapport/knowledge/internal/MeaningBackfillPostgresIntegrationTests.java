package io.rapport.knowledge.internal;

import io.rapport.support.PostgresDatabase;

/** The meaning backfill on PostgreSQL. */
@PostgresDatabase
class MeaningBackfillPostgresIntegrationTests extends MeaningBackfillContract {}
