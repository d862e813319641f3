package io.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * Module boundaries are part of the design (ADR 1, ADR 10): no cycles, no reaching into another module's internals,
 * no use of a module that is not declared, and no edge hidden where the compiler cannot see it (templates).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RapportApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rapport");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Spring Modulith's check: declared dependencies only, exposed types only, no cycles. */
    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Every module says which others it may use: an undeclared module is an open door. */
    @Test
    void everyModuleDeclaresItsDependencies() {
        MODULES.forEach(module -> {
            ApplicationModule declared = declaration(module.getBasePackage().getName());
            assertThat(declared)
                    .as(module.getIdentifier() + " has @ApplicationModule")
                    .isNotNull();
            if (declared.type() != ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies())
                        .as(module.getIdentifier() + " lists its allowed dependencies")
                        .doesNotContain(ApplicationModule.OPEN_TOKEN);
            }
        });
    }

    /** A module's API speaks the domain: servlet plumbing lives in its web or internal packages. */
    @Test
    void noModuleApiUsesServletTypes() {
        MODULES.forEach(module -> noClasses()
                .that()
                .resideInAPackage(module.getBasePackage().getName())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.servlet..")
                .as(module.getIdentifier() + "'s API uses no jakarta.servlet type")
                .check(CLASSES));
    }

    /**
     * Templates are code the compiler does not see: a template in a module's folder may include fragments and use
     * beans ({@code @fmt}) only of its own module and the modules it declares.
     */
    @Test
    void templatesUseOnlyDeclaredModules() throws IOException {
        Map<String, String> beanModules = beanModules();
        Pattern fragment = Pattern.compile("~\\{([a-z]+)/");
        Pattern bean = Pattern.compile("\\$\\{@([a-zA-Z]+)\\.");
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            String owner = TEMPLATES.relativize(template).getName(0).toString();
            assertThat(MODULES.getModuleByName(owner))
                    .as(template + " lies in a module's folder")
                    .isPresent();
            Set<String> allowed =
                    new HashSet<>(List.of(declaration("io.rapport." + owner).allowedDependencies()));
            allowed.add(owner);
            allowed.add("common");
            String html = Files.readString(template);
            Set<String> used = new HashSet<>();
            Matcher f = fragment.matcher(html);
            while (f.find()) {
                used.add(f.group(1));
            }
            Matcher b = bean.matcher(html);
            while (b.find()) {
                assertThat(beanModules)
                        .as(template + " uses bean @" + b.group(1))
                        .containsKey(b.group(1));
                used.add(beanModules.get(b.group(1)));
            }
            assertThat(allowed).as(template + " uses only declared modules").containsAll(used);
        }
    }

    /** Writes the module map (PlantUML and module canvases) to docs/modules, next to the written docs. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
        assertThat(Path.of("docs/modules/components.puml")).exists();
    }

    private static ApplicationModule declaration(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Named beans ({@code @Component("fmt")}) by the module that defines them. */
    private static Map<String, String> beanModules() {
        return CLASSES.stream()
                .flatMap(c -> Stream.of(Component.class, Service.class)
                        .filter(c::isAnnotatedWith)
                        .map(a -> c.getAnnotationOfType(a) instanceof Component comp
                                ? comp.value()
                                : ((Service) c.getAnnotationOfType(Service.class)).value())
                        .filter(name -> !name.isEmpty())
                        .map(name -> Map.entry(
                                name,
                                MODULES.getModuleByType(c.getName())
                                        .orElseThrow()
                                        .getIdentifier()
                                        .toString())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
