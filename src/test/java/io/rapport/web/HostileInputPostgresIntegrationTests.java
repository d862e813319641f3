package io.rapport.web;

import io.rapport.support.PostgresDatabase;

/** Hostile input on PostgreSQL, which refuses a NUL character in text. */
@PostgresDatabase
class HostileInputPostgresIntegrationTests extends HostileInputContract {}
