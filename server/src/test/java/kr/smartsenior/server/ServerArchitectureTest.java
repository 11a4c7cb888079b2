package kr.smartsenior.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kr.smartsenior.server.worker.BackgroundWorker;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the server a set of feature packages a newcomer can read one at a time: no feature depends
 * on another in a cycle (a feature tells others of a change with an event of its own, and asks them
 * through a public class or a port it owns), controllers leave the database to the feature's
 * repositories, only {@code mqtt} knows the MQTT libraries, the shared {@code config}, {@code web}
 * and {@code worker} packages know no feature, and every start/stop goes through the one
 * {@link BackgroundWorker} lifecycle (thread names and start order in {@code worker.Worker}).
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
    void onlyTheMqttPackageKnowsTheMqttClientAndMoquette() {
        noClasses().that().resideOutsideOfPackage("kr.smartsenior.server.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hivemq..", "org.eclipse.paho..", "io.moquette..")
                .check(SERVER);
    }

    @Test
    void sharedPackagesKnowNoFeature() {
        for (String shared : new String[] {"config", "web", "worker"}) {
            String inside = "kr.smartsenior.server." + shared + "..";
            classes().that().resideInAPackage(inside)
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage("kr.smartsenior.server..")
                            .or(resideInAPackage(inside)))
                    .check(SERVER);
        }
    }

    @Test
    void everyLifecycleOfTheServerIsABackgroundWorker() {
        classes().that().implement(SmartLifecycle.class)
                .should().beAssignableTo(BackgroundWorker.class)
                .check(SERVER);
    }
}
