package kr.smartsenior.edge.hardware;

import java.util.List;
import java.util.function.Consumer;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * The fitness tests on the real devices, offering only those whose sensors work
 * ({@link SensorFitnessTests#sensorsFor}): without the step mat, the battery is the chair stand and
 * the timed up-and-go; without the distance sensor, the 2-minute step and the one-leg stance. Asked at
 * each greeting, so a device that comes back is used from the next visit. When no test's sensors work
 * the whole battery stays (the port's battery is never empty), and each test then refuses calmly at
 * its start, as before.
 */
final class AvailableTests implements FitnessTests {

    private final FitnessTests tests;
    private final MissingDevices devices;

    AvailableTests(FitnessTests tests, MissingDevices devices) {
        this.tests = tests;
        this.devices = devices;
    }

    @Override
    public List<MeasurementCode> battery() {
        List<MeasurementCode> all = tests.battery();
        List<MeasurementCode> available = all.stream()
                .filter(test -> SensorFitnessTests.sensorsFor(test).stream().allMatch(devices::works)).toList();
        return available.isEmpty() ? all : available;
    }

    @Override
    public TestRun start(MeasurementCode test, String memberId, Safety safety, Consumer<TestEvent> events) {
        return tests.start(test, memberId, safety, events);
    }
}
