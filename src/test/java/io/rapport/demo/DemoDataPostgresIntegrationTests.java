package io.rapport.demo;

import io.rapport.support.PostgresDatabase;

@PostgresDatabase
class DemoDataPostgresIntegrationTests extends DemoDataContract {}
