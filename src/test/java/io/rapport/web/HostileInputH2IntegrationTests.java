package io.rapport.web;

import io.rapport.support.H2Database;

/** Hostile input on the embedded H2 database. */
@H2Database
class HostileInputH2IntegrationTests extends HostileInputContract {}
