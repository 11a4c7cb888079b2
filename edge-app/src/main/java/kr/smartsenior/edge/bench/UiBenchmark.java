package kr.smartsenior.edge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.edge.simulate.SimulatedFitnessTests;
import kr.smartsenior.edge.simulate.SimulatedKiosk;
import kr.smartsenior.edge.ui.KioskUi;
import kr.smartsenior.edge.ui.UiSettings;

/**
 * Measures the kiosk screen in one fresh JVM (scripts/bench-ui.sh runs it several times under a
 * display): time from JVM start to the first drawn idle screen, the reaction from a pad press to the
 * next screen laid out for drawing, and the resident memory after full journeys (card, home, the safety
 * question answered by a pad held, the four tests, summary, goodbye). The kiosk records into a real local store; the broker is unreachable.
 * Prints one line of {@code key=value} pairs.
 */
public final class UiBenchmark {

    static final int JOURNEYS = 3;
    static final Duration SIMULATED_SECOND = Duration.ofMillis(20);
    private static final long WAIT_S = 20;

    private record Drawn(String screen, long nanos) {
    }

    private final BlockingQueue<Drawn> drawn = new LinkedBlockingQueue<>();
    private final List<Long> reactions = new ArrayList<>();
    private final SimulatedKiosk simulated;

    private UiBenchmark(SimulatedKiosk simulated) {
        this.simulated = simulated;
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("ssc-ui-bench");
        KioskSettings settings = KioskSettings.of("bench-01", "kiosk-01", "tcp://127.0.0.1:1", data);
        UiSettings ui = UiSettings.defaults().withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofMinutes(1));
        try (Kiosk kiosk = Kiosk.start(settings); SimulatedKiosk simulated = SimulatedKiosk.create(List.of(), SIMULATED_SECOND);
                KioskUi screen = KioskUi.open(simulated.ports(), kiosk::record, ui, Optional.empty())) {
            UiBenchmark bench = new UiBenchmark(simulated);
            screen.onScreenDrawn(name -> bench.drawn.add(new Drawn(name, System.nanoTime())));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
            while (screen.firstFrame().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            for (int i = 0; i < JOURNEYS; i++) {
                bench.journey();
            }
            System.gc();
            Thread.sleep(500);
            List<Long> sorted = bench.reactions.stream().sorted(Comparator.naturalOrder()).toList();
            System.out.printf("startup_ms=%d rss_mb=%d heap_used_mb=%d pad_reaction_median_ms=%.1f pad_reaction_max_ms=%.1f"
                    + " presses=%d records=%d%n",
                    screen.firstFrame().map(Duration::toMillis).orElse(-1L), rssMegabytes(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    sorted.get(sorted.size() / 2) / 1e6, sorted.getLast() / 1e6, sorted.size(), kiosk.outboxSize());
        }
        javafx.application.Platform.exit();
        System.exit(0);
    }

    /**
     * One senior from card to goodbye, hands free: pad presses confirm, a pad held answers the questions
     * (decision 0028: "괜찮아요", holding the chair), every page of the summary is turned.
     */
    private void journey() throws InterruptedException {
        drawn.clear();
        simulated.cards().show(1);
        awaitDrawn("Greeting");
        press("Home");
        press("SafetyAsk");
        hold("TestStep");
        for (int test = 0; test < SimulatedFitnessTests.BATTERY.size(); test++) {
            String next;
            do {
                next = press(null);
            } while (next.equals("TestStep"));
            awaitDrawn("Result");
            next = press(null);
            if (next.equals("OneLegHandsAsk")) {
                hold("TestStep");
            }
        }
        String next;
        do {
            next = press(null); // 「다음」 on each page of the summary, 끝내기 on its last
        } while (next.equals("Summary"));
        if (!next.equals("Goodbye")) {
            throw new IllegalStateException("expected Goodbye after the summary, got " + next);
        }
        awaitDrawn("Idle");
    }

    /** A foot put on pad 1 and kept there until the next screen is drawn (not timed: a hold takes 2 s). */
    private void hold(String expected) throws InterruptedException {
        drawn.clear();
        simulated.pads().hold(1);
        try {
            awaitDrawn(expected);
        } finally {
            simulated.pads().release(1);
        }
    }

    /** Presses pad 1, times the next drawn screen, and checks it is the expected one (if given). */
    private String press(String expected) throws InterruptedException {
        drawn.clear();
        long start = System.nanoTime();
        simulated.pads().press(1);
        Drawn next = drawn.poll(WAIT_S, TimeUnit.SECONDS);
        if (next == null || (expected != null && !expected.equals(next.screen()))) {
            throw new IllegalStateException("expected " + expected + " after a pad press, got " + next);
        }
        reactions.add(next.nanos() - start);
        return next.screen();
    }

    private void awaitDrawn(String screen) throws InterruptedException {
        while (true) {
            Drawn next = drawn.poll(WAIT_S, TimeUnit.SECONDS);
            if (next == null) {
                throw new IllegalStateException("no " + screen + " screen within " + WAIT_S + " s");
            }
            if (next.screen().equals(screen)) {
                return;
            }
        }
    }

    private static long rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }
}
