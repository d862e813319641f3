package io.rapport.accounts;

import io.rapport.support.H2Database;

/** Customers and organizations on the embedded H2 database. */
@H2Database
class CustomersH2IntegrationTests extends CustomersContract {}
