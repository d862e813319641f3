package io.rapport.knowledge;

import io.rapport.support.H2Database;

/** Suggestions on the embedded H2 database. */
@H2Database
class SuggestionsH2IntegrationTests extends SuggestionsContract {}
