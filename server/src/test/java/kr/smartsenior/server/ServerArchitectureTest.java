package kr.smartsenior.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the server a set of feature packages a newcomer can read one at a time: no feature depends
 * on another in a cycle (a feature tells others of a change with an event of its own, and asks them
 * through a public class or a port it owns), controllers leave the database to the feature's
 * repositories, only {@code mqtt} knows the MQTT libraries, and the shared {@code config} and
 * {@code web} packages know no feature.
 */
class ServerArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kr.smartsenior.server");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("kr.smartsenior.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void controllersNeverUseJdbcDirectly() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .check(SERVER);
    }

    @Test
    void onlyTheMqttPackageKnowsPahoAndMoquette() {
        noClasses().that().resideOutsideOfPackage("kr.smartsenior.server.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..", "io.moquette..")
                .check(SERVER);
    }

    @Test
    void sharedPackagesKnowNoFeature() {
        classes().that().resideInAnyPackage("kr.smartsenior.server.config..", "kr.smartsenior.server.web..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("kr.smartsenior.server..")
                        .or(resideInAPackage("kr.smartsenior.server.config.."))
                        .or(resideInAPackage("kr.smartsenior.server.web..")))
                .check(SERVER);
    }
}
