package io.rapport.tickets;

import io.rapport.support.H2Database;

/** Merging and bulk changes on the embedded H2 database. */
@H2Database
class TicketMergeAndBulkH2IntegrationTests extends TicketMergeAndBulkContract {}
