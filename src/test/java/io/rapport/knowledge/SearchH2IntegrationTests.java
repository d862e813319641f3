package io.rapport.knowledge;

import io.rapport.support.H2Database;

/** Search on the embedded H2 database. */
@H2Database
class SearchH2IntegrationTests extends SearchContract {}
