package kr.smartsenior.edge.identify;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.store.RosterCache;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.card.CardToken;

/**
 * Measures card reading on this machine (see docs/benchmarks.md):
 * <ol>
 *   <li>decode time per 640×480 frame: a clean card, degraded cards, and frames without a card;</li>
 *   <li>recognition over {@code SSC_BENCH_IMAGES} (default 500) degraded card images
 *       ({@link Degradation#RANDOM_RANGES}): one frame as the camera loop reads it, one frame with every
 *       pass, and the card held up for {@value #HELD_FRAMES} frames with fresh sensor noise each as the
 *       camera loop reads them; false identifications (a wrong text read from a card, any text from an
 *       empty frame, a foreign QR code taken for a card);</li>
 *   <li>scan-to-identified latency through the whole kiosk path: the simulated camera at 30 fps, the
 *       camera thread's decoder, the identifier's check against a roster, the listener.</li>
 * </ol>
 * Run: {@code java -cp edge-app/target/smartsenior-kiosk.jar kr.smartsenior.edge.identify.IdentifyBenchmark}.
 */
public final class IdentifyBenchmark {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final int TIMED_REPEATS = 200;
    static final int LATENCY_ROUNDS = 40;
    /** Frames a held-up card is given in the recognition count: 100 ms at 30 fps, the identification goal. */
    static final int HELD_FRAMES = 3;
    static final int FOREIGN_CODES = 100;

    private IdentifyBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "kiosk-logback.xml");
        }
        int images = Integer.parseInt(System.getenv().getOrDefault("SSC_BENCH_IMAGES", "500"));
        long seed = Long.parseLong(System.getenv().getOrDefault("SSC_BENCH_SEED", "20261121"));
        SplittableRandom random = new SplittableRandom(seed);
        List<CardToken> cards = new ArrayList<>();
        for (int i = 0; i < Math.max(images, LATENCY_ROUNDS); i++) {
            cards.add(token(random));
        }

        warmUp(cards.getFirst(), random, new SplittableRandom(seed * 31 + 11));
        System.out.println("decode time per 640x480 frame (" + TIMED_REPEATS + " decodes each, median / p95):");
        report("  clean card", timeFrames(List.of(CardImages.card(cards.getFirst().text(), Degradation.CLEAN, WIDTH,
                HEIGHT, random))));
        List<LumaFrame> degraded = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            degraded.add(CardImages.card(cards.get(i).text(), Degradation.random(random), WIDTH, HEIGHT, random));
        }
        report("  degraded cards (20 random)", timeFrames(degraded));
        report("  the HARD card", timeFrames(List.of(CardImages.card(cards.getFirst().text(), Degradation.HARD, WIDTH,
                HEIGHT, random))));
        List<LumaFrame> empty = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            empty.add(CardImages.empty(WIDTH, HEIGHT, 6, random, 1.0)); // one still scene, fresh noise each frame
        }
        report("  no card (still scene, noise 6)", timeFrames(empty));

        recognition(cards.subList(0, images), random, new SplittableRandom(seed * 31 + 7));
        latency(cards.subList(0, LATENCY_ROUNDS), random);
    }

    /**
     * Lets the JIT compile every decoding path before timing, as on a kiosk that has run for a while:
     * the HARD card and an empty frame, and (since 2026-11-22) degraded cards from {@code other}, a
     * generator of its own so that the timed and counted images stay those of earlier runs, which
     * the camera loop's second passes need (they run only on frames the first pass cannot read).
     */
    private static void warmUp(CardToken card, SplittableRandom random, SplittableRandom other) {
        QrDecoder decoder = new QrDecoder();
        LumaFrame frame = CardImages.card(card.text(), Degradation.HARD, WIDTH, HEIGHT, random);
        LumaFrame empty = CardImages.empty(WIDTH, HEIGHT, 5, random);
        for (int i = 0; i < 300; i++) {
            decoder.decode(frame);
            decoder.decode(empty);
        }
        for (int i = 0; i < 30; i++) {
            LumaFrame degraded = CardImages.card(card.text(), Degradation.random(other), WIDTH, HEIGHT, other);
            for (int j = 0; j < 10; j++) {
                decoder.decode(degraded);
                decoder.decodeThoroughly(degraded);
            }
        }
    }

    /** Decode times in ms, each frame decoded in turn by one decoder, as a camera thread would. */
    private static List<Double> timeFrames(List<LumaFrame> frames) {
        QrDecoder decoder = new QrDecoder();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < TIMED_REPEATS; i++) {
            LumaFrame frame = frames.get(i % frames.size());
            long start = System.nanoTime();
            decoder.decode(frame);
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return ms;
    }

    private static void recognition(List<CardToken> cards, SplittableRandom random, SplittableRandom more) {
        // `more` draws the held-up frames' noise and the foreign codes, so the single-frame set stays the
        // same images as in earlier runs with the same seed
        int once = 0;
        int thorough = 0;
        int held = 0;
        int wrong = 0;
        QrDecoder camera = new QrDecoder();
        for (CardToken card : cards) {
            Degradation degradation = Degradation.random(random);
            double phase = random.nextDouble() * 6;
            LumaFrame frame = CardImages.card(card.text(), degradation, WIDTH, HEIGHT, random, phase);
            Optional<String> first = new QrDecoder().decode(frame); // a first sighting: the camera loop's passes
            Optional<String> all = camera.decodeThoroughly(frame);
            once += first.filter(card.text()::equals).isPresent() ? 1 : 0;
            thorough += all.filter(card.text()::equals).isPresent() ? 1 : 0;
            wrong += first.filter(t -> !t.equals(card.text())).isPresent() ? 1 : 0;
            wrong += all.filter(t -> !t.equals(card.text())).isPresent() ? 1 : 0;
            // the same card held still for HELD_FRAMES camera frames, fresh sensor noise on each, read as the
            // camera thread reads them (one decoder, passes taking turns)
            Degradation still = new Degradation(degradation.symbolPx(), degradation.centreX(), degradation.centreY(),
                    degradation.rotationDeg(), degradation.tilt(), degradation.tiltDeg(), degradation.blurPx(), 0,
                    degradation.contrast(), degradation.brightness());
            LumaFrame view = CardImages.card(card.text(), still, WIDTH, HEIGHT, more, phase);
            QrDecoder thread = new QrDecoder();
            for (int f = 0; f < HELD_FRAMES; f++) {
                Optional<String> text = thread.decode(CardImages.withNoise(view, degradation.noise(), more));
                wrong += text.filter(t -> !t.equals(card.text())).isPresent() ? 1 : 0;
                if (text.isPresent()) {
                    held += text.get().equals(card.text()) ? 1 : 0;
                    break;
                }
            }
        }
        int emptyFrames = cards.size();
        int ghost = 0;
        for (int i = 0; i < emptyFrames; i++) {
            LumaFrame empty = CardImages.empty(WIDTH, HEIGHT, random.nextInt(12), random);
            if (camera.decodeThoroughly(empty).isPresent() || camera.decode(empty).isPresent()) {
                ghost++;
            }
        }
        // QR codes that are not ours (a web address, a payment code): read, and never taken for a member
        int foreign = FOREIGN_CODES;
        int foreignRead = 0;
        int foreignAccepted = 0;
        for (int i = 0; i < foreign; i++) {
            String text = i % 2 == 0 ? "https://www.example.go.kr/notice?id=" + more.nextInt(1_000_000)
                    : "PAY:KR:" + Long.toString(more.nextLong() & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
            Optional<String> read = camera.decodeThoroughly(CardImages.card(text, Degradation.random(more), WIDTH,
                    HEIGHT, more));
            foreignRead += read.filter(text::equals).isPresent() ? 1 : 0;
            wrong += read.filter(t -> !t.equals(text)).isPresent() ? 1 : 0;
            foreignAccepted += read.flatMap(CardToken::parse).isPresent() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "recognition over %d degraded cards (%s):%n", cards.size(), Degradation.RANDOM_RANGES);
        System.out.printf(Locale.ROOT, "  one frame, the camera loop's passes:      %d (%.1f%%)%n", once,
                100.0 * once / cards.size());
        System.out.printf(Locale.ROOT, "  one frame, every pass:                    %d (%.1f%%)%n", thorough,
                100.0 * thorough / cards.size());
        System.out.printf(Locale.ROOT, "  held up for %d frames (%d ms at 30 fps), fresh noise each, camera loop: %d (%.1f%%)%n",
                HELD_FRAMES, HELD_FRAMES * 1000 / 30, held, 100.0 * held / cards.size());
        System.out.printf(Locale.ROOT, "  false identifications:   %d wrong texts, %d texts from %d frames without a card,"
                + " %d of %d foreign QR codes (%d read) taken for a card%n", wrong, ghost, emptyFrames, foreignAccepted,
                foreign, foreignRead);
    }

    private static void latency(List<CardToken> cards, SplittableRandom random) throws InterruptedException {
        List<RosterEntry> entries = cards.stream()
                .map(c -> new RosterEntry(c.memberId(), "회원", c.hash(), c.cardVersion(), KioskPrescription.NONE)).toList();
        Roster roster = new Roster("bench-01", 1, OffsetDateTime.now(), entries);
        RosterBook book = RosterBook.open("bench-01", new MemoryCache());
        book.accept(new ProtocolCodec().encode(roster));
        BlockingQueue<Long> identifiedAt = new ArrayBlockingQueue<>(cards.size());
        SimulatedCamera camera = new SimulatedCamera(WIDTH, HEIGHT, 30, 7);
        List<Double> clean = new ArrayList<>();
        List<Double> degraded = new ArrayList<>();
        int missed = 0;
        try (Identifier identifier = new Identifier(book, (result, scan) -> {
            if (result instanceof Identification.Identified) {
                identifiedAt.add(System.nanoTime());
            }
        })) {
            identifier.watch(camera);
            for (int i = 0; i < cards.size(); i++) {
                boolean hard = i % 2 == 1;
                camera.show(cards.get(i).text(), hard ? Degradation.HARD : Degradation.CLEAN, 30);
                Long at = identifiedAt.poll(3, TimeUnit.SECONDS);
                if (at == null) {
                    missed++;
                    continue;
                }
                (hard ? degraded : clean).add((at - camera.cardFirstShownNanos()) / 1e6);
                Thread.sleep(1100); // the card is taken away before the next one comes
            }
        }
        book.close();
        System.out.printf(Locale.ROOT, "scan-to-identified through camera thread, decoder, roster check and listener"
                + " (30 fps, %d cards, %d missed), ms from the first frame showing the card:%n", cards.size(), missed);
        report("  clean card", clean);
        report("  the HARD card", degraded);
    }

    private static void report(String what, List<Double> ms) {
        if (ms.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%-32s median %6.2f ms   p95 %6.2f ms   (n=%d)%n", what + ":", median, p95,
                sorted.size());
    }

    private static CardToken token(SplittableRandom random) {
        StringBuilder id = new StringBuilder();
        StringBuilder mac = new StringBuilder();
        for (int i = 0; i < CardToken.MEMBER_ID_LENGTH; i++) {
            id.append(CardToken.BASE32.charAt(random.nextInt(32)));
        }
        for (int i = 0; i < CardToken.MAC_LENGTH; i++) {
            mac.append(CardToken.BASE32.charAt(random.nextInt(32)));
        }
        return new CardToken(id.toString(), 1 + random.nextInt(3), mac.toString());
    }

    /** The benchmark keeps its roster in memory only. */
    private static final class MemoryCache implements RosterCache {
        @Override
        public Optional<String> load(String siteId) {
            return Optional.empty();
        }

        @Override
        public boolean save(String siteId, long version, String json) {
            return true;
        }
    }
}
