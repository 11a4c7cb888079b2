package kr.smartsenior.edge.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code scripts/bench-sensors.sh}: the sensor pipeline at real-time speed with the real drivers on
 * Pi4J's mock providers (docs/benchmarks.md). Each round runs for {@code SSC_BENCH_SECONDS} with
 * the TF-Luna driver polling at 50 Hz into the motion signals, while a foot presses and lifts a pad
 * {@link #STEPS_PER_SECOND} times a second; it reports
 * <ul>
 *   <li>pad-edge-to-listener latency: from the pin changing (the mock's state set) to a listener on
 *       the sensor loop receiving the debounced event, as a protocol does (includes the debounce
 *       window), median and p99; and how far the event's timestamp is from the edge;
 *   <li>the CPU share of the sensor threads (the loop and the I2C poller) over the round.
 * </ul>
 */
public final class SensorBenchmark {

    static final int DEFAULT_SECONDS = 20;
    static final int DEFAULT_ROUNDS = 3;
    static final int STEPS_PER_SECOND = 4;
    private static final int FRAME = TfLunaSensor.DATA_LENGTH;

    private SensorBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "kiosk-logback.xml");
        }
        int seconds = Integer.parseInt(System.getenv().getOrDefault("SSC_BENCH_SECONDS", String.valueOf(DEFAULT_SECONDS)));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("SSC_BENCH_ROUNDS", String.valueOf(DEFAULT_ROUNDS)));
        List<Double> medians = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Double> stampErrors = new ArrayList<>();
        List<Double> cpuShares = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double[] result = round(seconds);
            System.out.printf(Locale.ROOT,
                    "round %d: %d s, pad edge to listener median %.2f ms, p99 %.2f ms; timestamp error median %.3f ms;"
                            + " sensor threads %.2f %% of one core%n", round, seconds, result[0], result[1], result[2], result[3]);
            medians.add(result[0]);
            p99s.add(result[1]);
            stampErrors.add(result[2]);
            cpuShares.add(result[3]);
        }
        System.out.printf(Locale.ROOT, "median of %d rounds: latency median %.2f ms, p99 %.2f ms (debounce window %d ms);"
                        + " timestamp error %.3f ms; CPU %.2f %% of one core at %d Hz%n", rounds, median(medians), median(p99s),
                PadDebouncer.DEFAULT_WINDOW.toMillis(), median(stampErrors), median(cpuShares),
                1000 / TfLunaSensor.DEFAULT_PERIOD.toMillis());
    }

    /** One round: latency median, p99 (ms), timestamp error median (ms), CPU share (%). */
    static double[] round(int seconds) throws InterruptedException {
        Context pi4j = Pi4jContexts.mock();
        ScaledSensorLoop loop = new ScaledSensorLoop(1);
        try {
            MockI2C device = (MockI2C) Pi4jContexts.i2c(pi4j, 1, TfLunaSensor.DEFAULT_ADDRESS);
            device.writeRegister(TfLunaSensor.REG_VERSION, new byte[] {1, 2, 3}, 0, 3);
            int frames = (int) (seconds * 1000 / TfLunaSensor.DEFAULT_PERIOD.toMillis()) + 200;
            byte[] all = new byte[frames * FRAME];
            for (int i = 0; i < frames; i++) {
                int cm = 370 - (i / 25) % 30; // a seated senior rising and sitting, roughly
                int at = i * FRAME;
                all[at] = (byte) cm;
                all[at + 1] = (byte) (cm >> 8);
                all[at + 2] = (byte) 0x84;
                all[at + 3] = (byte) 0x03;
                all[at + 6] = (byte) i;
                all[at + 7] = (byte) (i >> 8);
            }
            device.writeRegister(TfLunaSensor.REG_DATA, all, 0, all.length);
            TfLunaSensor distance = new TfLunaSensor(device, loop, TfLunaSensor.DEFAULT_PERIOD);
            GpioStepMat mat = new GpioStepMat(pi4j, List.of(17, 27, 22, 23), loop, PadDebouncer.DEFAULT_WINDOW);
            MotionSignals motion = new MotionSignals(SiteCalibration.REFERENCE);
            distance.addListener(motion);
            motion.addListener(state -> { });
            ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();
            mat.addListener(event -> seen.add(new long[] {event.atNanos(), loop.nanos()}));
            MockDigitalInput pad = pi4j.io("ssc-pad-2");
            pad.mockState(DigitalState.HIGH);
            Thread.sleep(100);
            seen.clear();

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            distance.start();
            Thread.sleep(200);
            long cpuBefore = sensorCpu(threads);
            long wallBefore = System.nanoTime();
            List<Long> edges = new ArrayList<>();
            long period = 1_000_000_000L / (STEPS_PER_SECOND * 2);
            long next = System.nanoTime();
            boolean pressed = false;
            while (System.nanoTime() - wallBefore < seconds * 1_000_000_000L) {
                next += period;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
                pressed = !pressed;
                edges.add(loop.nanos());
                pad.mockState(pressed ? DigitalState.LOW : DigitalState.HIGH);
            }
            Thread.sleep(100);
            long cpu = sensorCpu(threads) - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            distance.close();
            mat.close();

            List<Double> latencies = new ArrayList<>();
            List<Double> stampErrors = new ArrayList<>();
            List<long[]> events = new ArrayList<>(seen);
            for (int i = 0; i < Math.min(edges.size(), events.size()); i++) {
                latencies.add((events.get(i)[1] - edges.get(i)) / 1e6);
                stampErrors.add(Math.abs(events.get(i)[0] - edges.get(i)) / 1e6);
            }
            if (events.size() != edges.size()) {
                System.out.printf("warning: %d edges but %d events%n", edges.size(), events.size());
            }
            Collections.sort(latencies);
            return new double[] {median(latencies), latencies.get((int) Math.floor(latencies.size() * 0.99)),
                    median(stampErrors), 100.0 * cpu / wall};
        } finally {
            loop.close();
            pi4j.shutdown();
        }
    }

    /** CPU time of the threads that run the sensors: the loop and the I2C poller. */
    private static long sensorCpu(ThreadMXBean threads) {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(ScaledSensorLoop.THREAD_NAME) || thread.getName().equals("ssc-distance")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.threadId()));
            }
        }
        return total;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
