package io.rapport.knowledge;

import io.rapport.support.H2Database;

/** The knowledge base and help center on the embedded H2 database. */
@H2Database
class KnowledgeH2IntegrationTests extends KnowledgeContract {}
