package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import kr.smartsenior.edge.measure.TestBattery;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.simulate.SimulatedBattery;
import kr.smartsenior.edge.simulate.SimulatedSessions;
import kr.smartsenior.edge.testing.EmbeddedBroker;
import kr.smartsenior.edge.testing.FakeServer;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole battery, headless, as the demo runs it: simulated seniors on simulated sensors at 200x
 * speed, measured by the real protocols, recorded in the kiosk's outbox and acknowledged by a
 * server through a real broker; the device status carries the sensors' health.
 */
@Timeout(60)
class SimulatedBatteryIT {

    static final double SPEED = 200;
    static final Set<MeasurementCode> STAFF_ITEMS = Set.of(MeasurementCode.GRIP_STRENGTH, MeasurementCode.SIT_AND_REACH,
            MeasurementCode.HEIGHT, MeasurementCode.WEIGHT);

    @TempDir
    Path dataDir;

    @Test
    void aVisitGoesFromTheMemberThroughEveryTestToRecordsTheServerHolds() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.onFreePort().start();
        List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
        try (FakeServer server = FakeServer.acking(broker.url());
                Kiosk kiosk = Kiosk.start(KioskSettings.of("it-01", "kiosk-09", broker.url(), dataDir)
                        .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
                Sensors sensors = Sensors.simulated(new ScaledSensorLoop(SPEED), SiteCalibration.REFERENCE);
                SimulatedBattery visits = new SimulatedBattery(record -> {
                    kiosk.record(record);
                    recorded.add(record);
                }, List.of("M-77"), Duration.ofSeconds(30), sensors, new SplittableRandom(11),
                        java.time.Clock.system(SimulatedSessions.SEOUL))) {
            kiosk.reportSensors(sensors::health);
            visits.start();

            await().atMost(Duration.ofSeconds(40)).until(() -> visits.visits() >= 1);
            Set<MeasurementCode> codes = recorded.stream().map(r -> MeasurementCode.valueOf(r.code())).collect(Collectors.toSet());
            assertThat(codes).containsAll(STAFF_ITEMS);
            assertThat(recorded).allMatch(r -> r.memberId().equals("M-77"));
            assertThat(recorded.stream().filter(r -> r.detail().get("source").equals("sensors")).map(MeasurementRecord::code))
                    .as("every sensor test ends in a result (a flawed attempt is retried)")
                    .containsAll(TestBattery.SENSOR_TESTS.stream().map(Enum::name).toList());
            assertThat(recorded.stream().filter(r -> r.code().equals("WEIGHT")).findFirst().orElseThrow().detail())
                    .containsKey("bmi");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.receivedIds().containsAll(recorded.stream().map(MeasurementRecord::id).toList()));
            await().atMost(Duration.ofSeconds(10)).until(() -> kiosk.outboxSize() == 0 || recorded.size() > 11);
            DeviceStatus status = server.status("it-01", "kiosk-09");
            assertThat(status.sensors()).containsEntry(Sensors.STEP_MAT, "ok").containsEntry(Sensors.DISTANCE, "ok");
        } finally {
            broker.stop();
        }
    }
}
