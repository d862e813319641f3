package io.rapport.knowledge;

import io.rapport.support.PostgresDatabase;

/** The knowledge base and help center on PostgreSQL. */
@PostgresDatabase
class KnowledgePostgresIntegrationTests extends KnowledgeContract {}
