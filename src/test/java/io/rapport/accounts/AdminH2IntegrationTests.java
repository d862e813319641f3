package io.rapport.accounts;

import io.rapport.support.H2Database;

/** Admin work over the API on the embedded H2 database. */
@H2Database
class AdminH2IntegrationTests extends AdminContract {}
