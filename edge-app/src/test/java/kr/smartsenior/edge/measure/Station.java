package kr.smartsenior.edge.measure;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.edge.simulate.SimulatedSessions;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/** A test station on virtual time: simulated sensors, one member's battery, the records it kept. */
final class Station implements AutoCloseable {

    final VirtualSensorLoop loop = new VirtualSensorLoop();
    final Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
    final List<MeasurementRecord> records = new ArrayList<>();
    final TestBattery battery = TestBattery.open("M-1", SafetyCheck.allClear(), sensors, records::add,
            Clock.system(SimulatedSessions.SEOUL));
    final List<TestPhase> phases = new ArrayList<>();

    Station() {
        loop.runFor(Duration.ofSeconds(1)); // the empty room, pads settled
    }

    /** Starts the test, presses ready, plays the trace (through CSV and back) and runs until it is over. */
    FitnessTestSession run(SimulatedSenior.Performance performance) {
        FitnessTestSession test = battery.start(performance.code());
        return replay(test, performance);
    }

    /** Plays another performance into a test already started (a retry). */
    FitnessTestSession replay(FitnessTestSession test, SimulatedSenior.Performance performance) {
        test.addListener((t, phase) -> phases.add(phase));
        test.ready();
        loop.runPending();
        sensors.player().orElseThrow().play(throughCsv(performance.trace()), () -> { });
        loop.runFor(Duration.ofMillis(Math.round(performance.lengthS() * 1000) + 2000));
        return test;
    }

    static Trace throughCsv(Trace trace) {
        StringWriter csv = new StringWriter();
        trace.write(csv);
        return Trace.read(new StringReader(csv.toString()));
    }

    List<MeasurementRecord> recordsOf(MeasurementCode code) {
        return records.stream().filter(r -> r.code().equals(code.name())).toList();
    }

    @Override
    public void close() {
        sensors.close();
    }
}
