package io.rapport.tickets;

import io.rapport.support.H2Database;

/** Saved replies on the embedded H2 database. */
@H2Database
class SavedRepliesH2IntegrationTests extends SavedRepliesContract {}
