package io.rapport.tickets;

import io.rapport.support.H2Database;

/** Filters, sorts and saved views of the workspace lists on the embedded H2 database. */
@H2Database
class ViewFiltersH2IntegrationTests extends ViewFiltersContract {}
