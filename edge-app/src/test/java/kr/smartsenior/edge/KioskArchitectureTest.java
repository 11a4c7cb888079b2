package kr.smartsenior.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the kiosk's layers apart: the local store knows nothing of MQTT, the sync knows nothing of
 * what produces results, only the transport ({@code PahoBrokerLink}) knows the MQTT client, and the
 * screens talk to the kiosk, never to SQLite or the broker directly.
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
    void onlyTheTransportKnowsPaho() {
        // the class and its anonymous Paho listeners
        noClasses().that().haveNameNotMatching("kr\\.smartsenior\\.edge\\.sync\\.PahoBrokerLink(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
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
}
