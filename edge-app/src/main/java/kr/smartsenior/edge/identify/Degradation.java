package kr.smartsenior.edge.identify;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How badly the simulated camera sees a card: its size and place in the frame, rotation, perspective
 * (a card tilted towards the camera), blur (out of focus), sensor noise and poor light.
 *
 * @param symbolPx    width of the QR symbol in the frame, pixels
 * @param centreX     where the QR's centre is, as a fraction of the frame's width
 * @param centreY     the same, of the frame's height
 * @param rotationDeg rotation of the card in the image plane
 * @param tilt        perspective: 0 is flat to the camera; 0.3 makes one edge 30% longer than the middle
 * @param tiltDeg     the direction of the tilt
 * @param blurPx      radius of the box blur (applied twice, close to a Gaussian); 0 is sharp
 * @param noise       standard deviation of the Gaussian sensor noise, in grey levels
 * @param contrast    1 is black on white; 0.25 is grey on grey
 * @param brightness  mean grey level of the card, 0-255
 */
public record Degradation(double symbolPx, double centreX, double centreY, double rotationDeg, double tilt,
        double tiltDeg, double blurPx, double noise, double contrast, double brightness) {

    /** A sharp, level card in the middle of the frame, in good light. */
    public static final Degradation CLEAN = new Degradation(160, 0.5, 0.5, 0, 0, 0, 0, 0, 1, 140);

    /** A noisy, blurred, rotated, tilted card in dim light: still readable by a person. */
    public static final Degradation HARD = new Degradation(150, 0.45, 0.55, 33, 0.08, 60, 1.0, 7, 0.6, 120);

    /** The ranges of {@link #random}, as stated in docs/benchmarks.md. */
    public static final String RANDOM_RANGES = "QR 120-240 px wide (modules 4-8 px) anywhere in the frame, rotation "
            + "-180..180 deg, perspective tilt 0-0.12 in any direction (near edge up to 1.25x the far one), box blur "
            + "radius 0-1.2 px applied twice, Gaussian noise sigma 0-10 grey levels, contrast 0.5-1.0, card brightness 70-210";

    /** One random degradation within {@link #RANDOM_RANGES}. */
    public static Degradation random(RandomGenerator random) {
        double symbol = between(random, 120, 240);
        double margin = symbol * 0.75;
        double cx = between(random, margin / 640, 1 - margin / 640);
        double cy = between(random, margin / 480, 1 - margin / 480);
        return new Degradation(symbol, cx, cy, between(random, -180, 180), between(random, 0, 0.12),
                between(random, 0, 360), between(random, 0, 1.2), between(random, 0, 10), between(random, 0.5, 1.0),
                between(random, 70, 210));
    }

    private static double between(RandomGenerator random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "qr %.0fpx at (%.2f,%.2f) rot %.0f tilt %.2f@%.0f blur %.1f noise %.0f "
                + "contrast %.2f light %.0f", symbolPx, centreX, centreY, rotationDeg, tilt, tiltDeg, blurPx, noise,
                contrast, brightness);
    }
}
