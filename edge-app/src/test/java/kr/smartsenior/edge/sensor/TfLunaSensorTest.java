package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The TF-Luna driver against Pi4J's mock I2C device. The mock keeps a queue per register: bytes
 * written to a register are what the next reads of it return, so a test loads the frames the sensor
 * would produce and checks what the driver wrote.
 */
class TfLunaSensorTest {

    private final Context pi4j = Pi4jContexts.mock();
    private final VirtualSensorLoop loop = new VirtualSensorLoop();
    private final MockI2C device = (MockI2C) Pi4jContexts.i2c(pi4j, 1, TfLunaSensor.DEFAULT_ADDRESS);
    private final TfLunaSensor sensor = new TfLunaSensor(device, loop, TfLunaSensor.DEFAULT_PERIOD);

    @AfterEach
    void close() {
        sensor.close();
        pi4j.shutdown();
    }

    private void answersVersion() {
        device.writeRegister(TfLunaSensor.REG_VERSION, new byte[] {4, 2, 3}, 0, 3);
    }

    private void frame(int cm, int amplitude, int tick) {
        byte[] frame = {(byte) cm, (byte) (cm >> 8), (byte) amplitude, (byte) (amplitude >> 8), (byte) 0x10, (byte) 0x0B,
                (byte) tick, (byte) (tick >> 8)};
        device.writeRegister(TfLunaSensor.REG_DATA, frame, 0, frame.length);
    }

    @Test
    void setUpEnablesRangingInTriggerModeAndTriggersTheFirstFrame() {
        answersVersion();

        assertThat(sensor.initialise()).isTrue();

        assertThat(device.readRegister(TfLunaSensor.REG_DISABLE)).isEqualTo(TfLunaSensor.ENABLED);
        assertThat(device.readRegister(TfLunaSensor.REG_TRIGGER)).as("first frame triggered").isEqualTo(TfLunaSensor.TRIGGER);
    }

    @Test
    void eachPollReadsTheLastFrameAndTriggersTheNext() {
        answersVersion();
        sensor.initialise();
        device.readRegister(TfLunaSensor.REG_TRIGGER); // the set-up's trigger
        frame(370, 900, 1000);
        frame(368, 910, 1010);

        DistanceSample first = sensor.poll();
        DistanceSample second = sensor.poll();

        assertThat(first.quality()).isEqualTo(DistanceSample.Quality.GOOD);
        assertThat(first.millimetres()).isEqualTo(3700);
        assertThat(second.millimetres()).isEqualTo(3680);
        assertThat(device.readRegister(TfLunaSensor.REG_TRIGGER)).isEqualTo(TfLunaSensor.TRIGGER);
        assertThat(device.readRegister(TfLunaSensor.REG_TRIGGER)).isEqualTo(TfLunaSensor.TRIGGER);
    }

    @Test
    void weakSaturatedOutOfRangeAndStaleFramesAreUnusable() {
        answersVersion();
        sensor.initialise();
        frame(370, 50, 1);          // too little light back
        frame(370, 0xFFFF, 2);      // flooded
        frame(900, 800, 3);         // beyond the sensor's 8 m
        frame(370, 800, 3);         // same tick: no new frame since the last read
        frame(371, 800, 4);

        assertThat(sensor.poll().quality()).isEqualTo(DistanceSample.Quality.WEAK);
        assertThat(sensor.poll().quality()).isEqualTo(DistanceSample.Quality.SATURATED);
        assertThat(sensor.poll().quality()).isEqualTo(DistanceSample.Quality.WEAK);
        assertThat(sensor.poll().quality()).isEqualTo(DistanceSample.Quality.NO_DATA);
        assertThat(sensor.poll().millimetres()).isEqualTo(3710);
    }

    @Test
    @Timeout(10)
    void aDisconnectedSensorIsReportedNotRespondingAndTheKioskGoesOn() {
        // nothing queued: the version read gets no answer, as from an absent device
        try (ScaledSensorLoop realTime = new ScaledSensorLoop(1);
                TfLunaSensor absent = new TfLunaSensor(device, realTime, TfLunaSensor.DEFAULT_PERIOD)) {
            List<DistanceSample> readings = new CopyOnWriteArrayList<>();
            absent.addListener(readings::add);
            absent.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> absent.health().equals("not responding"));
            assertThat(readings).isNotEmpty().allMatch(r -> r.quality() == DistanceSample.Quality.NO_DATA);
        }
    }

    @Test
    void framesStoppingMidwayMakeNoDataReadingsAndThenNotResponding() {
        answersVersion();
        sensor.initialise();
        frame(370, 900, 1);
        assertThat(sensor.poll().usable()).isTrue();
        int failures = 0;
        for (int i = 0; i < 60; i++) {
            if (sensor.poll().quality() == DistanceSample.Quality.NO_DATA) {
                failures++;
            }
        }
        assertThat(failures).isEqualTo(60);
        answersVersion(); // plugged back in: the driver sets it up again after REINIT_EVERY
        frame(365, 900, 7);
        assertThat(sensor.initialise()).isTrue();
        assertThat(sensor.poll().millimetres()).isEqualTo(3650);
    }

    @Test
    void mostlyWeakReadingsAreReportedAsNoisy() {
        DistanceHealth health = new DistanceHealth();
        health.started();
        for (int i = 0; i < DistanceHealth.WINDOW; i++) {
            health.note(i % 3 == 0 ? DistanceSample.good(loop.nanos(), 3000)
                    : DistanceSample.unusable(loop.nanos(), DistanceSample.Quality.WEAK));
        }
        assertThat(health.health()).startsWith("noisy (66%");
    }
}
