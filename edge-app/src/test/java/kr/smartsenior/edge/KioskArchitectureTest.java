package kr.smartsenior.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the kiosk's layers apart: the local store knows nothing of MQTT, the sync knows nothing of
 * what produces results, and the screens (when they come) talk to the kiosk, never to SQLite or
 * the broker directly.
 */
class KioskArchitectureTest {

    private static final JavaClasses KIOSK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kr.smartsenior.edge");

    @Test
    void theLocalStoreDoesNotKnowHowRecordsAreSent() {
        noClasses().that().resideInAPackage("..edge.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..edge.sync..", "org.eclipse.paho..")
                .check(KIOSK);
    }

    @Test
    void syncDoesNotKnowWhatProducesResults() {
        noClasses().that().resideInAPackage("..edge.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("..edge.simulate..", "..edge.ui..")
                .check(KIOSK);
    }

    @Test
    void screensNeverTouchStorageOrTheBroker() {
        noClasses().that().resideInAPackage("..edge.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("..edge.store..", "..edge.sync..",
                        "org.eclipse.paho..", "org.sqlite..", "java.sql..")
                .allowEmptyShould(true)
                .check(KIOSK);
    }

    @Test
    void noProductionClassIsNamedLikeATest() {
        noClasses().should().haveSimpleNameEndingWith("Test")
                .because("a fitness test's protocol is not a unit test: name it ...Protocol or ...Session")
                .check(KIOSK);
    }
}
