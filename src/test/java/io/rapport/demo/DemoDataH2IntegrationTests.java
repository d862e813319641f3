package io.rapport.demo;

import io.rapport.support.H2Database;

@H2Database
class DemoDataH2IntegrationTests extends DemoDataContract {}
