package io.rapport.knowledge;

import io.rapport.support.H2Database;

/** The repeat-contact watch on the embedded H2 database. */
@H2Database
class RepeatContactH2IntegrationTests extends RepeatContactContract {}
