package io.rapport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are part of the design: no cycles, no reaching into another module's internal package. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RapportApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Writes the module map (PlantUML and module canvases) to target/spring-modulith-docs for the docs. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
