package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScaledSensorLoopTest {

    @Test
    void loopTimeRunsAtTheChosenSpeed() throws InterruptedException {
        try (ScaledSensorLoop loop = new ScaledSensorLoop(20)) {
            long start = loop.nanos();
            long real = System.nanoTime();
            Thread.sleep(50);
            double ratio = (double) (loop.nanos() - start) / (System.nanoTime() - real);
            assertThat(ratio).isBetween(19.0, 21.0);
        }
    }

    @Test
    void overdueTasksRunInTheOrderOfTheTimesTheyWereMeantFor() {
        try (ScaledSensorLoop loop = new ScaledSensorLoop(1000)) {
            List<String> order = new CopyOnWriteArrayList<>();
            loop.execute(() -> {
                long now = loop.nanos();
                loop.at(now + 3_000_000_000L, () -> order.add("go"));
                busy(Duration.ofMillis(10)); // 10 s of loop time pass: everything below is overdue
                loop.at(now + 200_000_000L, () -> order.add("early"));
                loop.at(now + 2_900_000_000L, () -> order.add("just before go"));
            });
            await().until(() -> order.size() == 3);
            assertThat(order).containsExactly("early", "just before go", "go");
        }
    }

    @Test
    void aFailingTaskNeitherStopsTheLoopNorItsPeriodicTask() {
        try (ScaledSensorLoop loop = new ScaledSensorLoop(1)) {
            AtomicInteger runs = new AtomicInteger();
            SensorLoop.Scheduled every = loop.every(Duration.ofMillis(5), () -> {
                runs.incrementAndGet();
                throw new IllegalStateException("bad reading");
            });
            await().until(() -> runs.get() >= 3);
            every.cancel();
            int after = runs.get();
            await().during(Duration.ofMillis(50)).until(() -> runs.get() <= after + 1);
        }
    }

    private static void busy(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
