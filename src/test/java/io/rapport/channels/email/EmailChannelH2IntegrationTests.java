package io.rapport.channels.email;

import io.rapport.support.H2Database;

/** The email channel on the embedded H2 database. */
@H2Database
class EmailChannelH2IntegrationTests extends EmailChannelContract {}
