package io.rapport.knowledge.internal;

import io.rapport.support.H2Database;

/** The meaning backfill on the embedded H2 database. */
@H2Database
class MeaningBackfillH2IntegrationTests extends MeaningBackfillContract {}
