package kr.smartsenior.edge;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kr.smartsenior.edge.exercise.Cue;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Keeps the kiosk's layers apart: the local store knows nothing of MQTT, the sync knows nothing of
 * what produces results, only the transport ({@code PahoBrokerLink}) knows the MQTT client, the
 * screens talk to the kiosk's features only through their ports, never to SQLite, the broker, device
 * drivers or simulators directly; and the kiosk's code never depends on its simulators or benchmarks,
 * which only the launcher ({@link KioskMain}) and the benchmark programs compose.
 */
class KioskArchitectureTest {

    private static final String ROOT = "kr.smartsenior.edge";

    private static final JavaClasses KIOSK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** A benchmark's main class, or a class nested in one. */
    private static final DescribedPredicate<JavaClass> BENCHMARKS = DescribedPredicate.describe("are benchmarks",
            KioskArchitectureTest::partOfABenchmark);
    private static final DescribedPredicate<JavaClass> NOT_BENCHMARKS = DescribedPredicate.describe(
            "are not benchmarks", type -> !partOfABenchmark(type));

    /** One slice per feature package (with its subpackages), and one for the root (Kiosk, KioskMain). */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("edge (Kiosk, KioskMain)");
            }
            if (name.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.", 2)[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the kiosk's feature packages";
        }
    };

    private static boolean partOfABenchmark(JavaClass type) {
        return type.getName().split("\\$", 2)[0].endsWith("Benchmark");
    }

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

    @Test
    void screensAndTheirFlowsNeverTouchSimulatorsStorageTheBrokerOrDeviceDrivers() {
        noClasses().that().resideInAPackage("..edge.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("..edge.simulate..", "..edge.store..", "..edge.sync..",
                        "org.eclipse.paho..", "com.pi4j..")
                .check(KIOSK);
    }

    @Test
    void onlyTheLauncherAndTheBenchmarksComposeSimulators() {
        noClasses().that().resideOutsideOfPackages("..edge.simulate..", "..edge.bench..")
                .and().doNotBelongToAnyOf(KioskMain.class)
                .should().dependOnClassesThat().resideInAnyPackage("..edge.simulate..", "..edge.bench..")
                .because("the kiosk runs the same code with and without simulators: they plug in from outside")
                .check(KIOSK);
    }

    @Test
    void screensSeeTheKiosksFeaturesOnlyThroughTheirPorts() {
        // only ui.adapters implements the ports over sensor, identify, measure and exercise; the ports
        // themselves share one plain enum of the exercise engine (see ui.ports' package-info)
        noClasses().that().resideInAPackage("..edge.ui..").and().resideOutsideOfPackage("..edge.ui.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("..edge.sensor..", "..edge.identify..",
                        "..edge.measure..", "..edge.hardware..")
                .orShould().dependOnClassesThat(resideInAPackage("..edge.exercise..").and(not(equivalentTo(Cue.Kind.class))))
                .check(KIOSK);
    }

    @Test
    void nothingDependsOnABenchmark() {
        noClasses().that(NOT_BENCHMARKS)
                .should().dependOnClassesThat(BENCHMARKS)
                .check(KIOSK);
    }

    @Test
    void portsKnowNothingOfHowTheScreensLookOrSpeak() {
        noClasses().that().resideInAPackage("..edge.ui.ports..")
                .should().dependOnClassesThat().resideInAnyPackage("..edge.ui.views..", "..edge.ui.voice..", "javafx..")
                .check(KIOSK);
    }

    @Test
    void simulatedDevicesAreReachedOnlyThroughTheirFeature() {
        noClasses().that().resideOutsideOfPackages("..edge.sensor..", "..edge.identify..", "..edge.simulate..",
                        "..edge.bench..")
                .and().doNotBelongToAnyOf(KioskMain.class)
                .should().dependOnClassesThat().haveSimpleNameStartingWith("Simulated")
                .orShould().dependOnClassesThat().haveSimpleName("TracePlayer")
                .orShould().dependOnClassesThat().haveSimpleName("VirtualSensorLoop")
                .check(KIOSK);
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInCircles() {
        slices().assignedFrom(FEATURES).should().beFreeOfCycles().check(KIOSK);
    }

    @Test
    void noProductionClassIsNamedLikeATest() {
        noClasses().should().haveSimpleNameEndingWith("Test")
                .because("a fitness test's protocol is not a unit test: name it ...Protocol or ...Session")
                .check(KIOSK);
    }
}
