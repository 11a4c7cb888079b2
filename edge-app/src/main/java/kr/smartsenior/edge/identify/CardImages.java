package kr.smartsenior.edge.identify;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.util.random.RandomGenerator;
import kr.smartsenior.protocol.card.CardQr;

/**
 * Draws camera frames of a printed member card: a real QR code (level Q, as printed by the server)
 * on a white card with dark "name" text beside it, on a textured background, seen through a
 * {@link Degradation}. Grey only, as the camera's luminance plane.
 */
public final class CardImages {

    /** The printed card, in millimetres: 85.6 × 54 with a 30 mm QR symbol at the right. */
    static final double CARD_W = 85.6;
    static final double CARD_H = 54;
    static final double QR_MM = 30;
    static final double QR_RIGHT = 2;
    static final int QUIET_MODULES = 4;
    private static final int SUPERSAMPLE = 2;

    private CardImages() {
    }

    /** A frame without any card: the background alone, with noise. */
    public static LumaFrame empty(int width, int height, double noise, RandomGenerator random) {
        return empty(width, height, noise, random, random.nextDouble() * 6);
    }

    /** A frame without any card: the background of this phase (the same scene for the same phase), with noise. */
    public static LumaFrame empty(int width, int height, double noise, RandomGenerator random, double phase) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) clamp(background(x, y, phase) + random.nextGaussian() * noise);
            }
        }
        return new LumaFrame(pixels, width, height, width, System.nanoTime());
    }

    /** A frame showing a card that carries this text in its QR code. */
    public static LumaFrame card(String text, Degradation d, int width, int height, RandomGenerator random) {
        return card(text, d, width, height, random, random.nextDouble() * 6);
    }

    /** As {@link #card(String, Degradation, int, int, RandomGenerator)}, on the background of this phase. */
    public static LumaFrame card(String text, Degradation d, int width, int height, RandomGenerator random,
            double phase) {
        ByteMatrix matrix = matrix(text);
        int modules = matrix.getWidth();
        double module = QR_MM / modules;
        // the QR symbol's top-left corner on the card, mm (card origin top-left, y down)
        double quiet = QUIET_MODULES * module;
        double qrLeft = CARD_W - QR_RIGHT - quiet - QR_MM;
        double qrTop = (CARD_H - QR_MM) / 2;
        double qrCentreU = qrLeft + QR_MM / 2;
        double qrCentreV = qrTop + QR_MM / 2;

        double scale = d.symbolPx() / QR_MM; // px per mm
        double[][] card = {{0, 0}, {CARD_W, 0}, {CARD_W, CARD_H}, {0, CARD_H}};
        double[][] image = new double[4][];
        double theta = Math.toRadians(d.rotationDeg());
        double tiltDir = Math.toRadians(d.tiltDeg());
        double cx = d.centreX() * width;
        double cy = d.centreY() * height;
        for (int i = 0; i < 4; i++) {
            double u = (card[i][0] - qrCentreU) * scale;
            double v = (card[i][1] - qrCentreV) * scale;
            // perspective: points further along the tilt direction come closer (larger)
            double along = (u * Math.cos(tiltDir) + v * Math.sin(tiltDir)) / (CARD_W * scale / 2);
            double grow = 1 + d.tilt() * along;
            u *= grow;
            v *= grow;
            image[i] = new double[] {cx + u * Math.cos(theta) - v * Math.sin(theta),
                    cy + u * Math.sin(theta) + v * Math.cos(theta)};
        }
        double[] toCard = Homography.between(image, card); // image pixel -> card mm

        double[] lum = new double[width * height];
        double dark = d.brightness() * (1 - d.contrast());
        double light = d.brightness();
        double step = 1.0 / SUPERSAMPLE;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double px = x + (sx + 0.5) * step;
                        double py = y + (sy + 0.5) * step;
                        double[] uv = Homography.apply(toCard, px, py);
                        sum += sample(uv[0], uv[1], matrix, qrLeft, qrTop, module, dark, light, px, py, phase);
                    }
                }
                lum[y * width + x] = sum / (SUPERSAMPLE * SUPERSAMPLE);
            }
        }
        int radius = (int) Math.round(d.blurPx());
        if (radius > 0) {
            boxBlur(lum, width, height, radius);
            boxBlur(lum, width, height, radius);
        }
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) clamp(lum[i] + (d.noise() > 0 ? random.nextGaussian() * d.noise() : 0));
        }
        return new LumaFrame(pixels, width, height, width, System.nanoTime());
    }

    /** The same view with fresh sensor noise (the next camera frame of a card held still). */
    public static LumaFrame withNoise(LumaFrame clean, double noise, RandomGenerator random) {
        byte[] pixels = new byte[clean.width() * clean.height()];
        for (int y = 0; y < clean.height(); y++) {
            for (int x = 0; x < clean.width(); x++) {
                pixels[y * clean.width() + x] = (byte) clamp(clean.at(x, y) + random.nextGaussian() * noise);
            }
        }
        return new LumaFrame(pixels, clean.width(), clean.height(), clean.width(), System.nanoTime());
    }

    static ByteMatrix matrix(String text) {
        return CardQr.matrix(text);
    }

    private static double sample(double u, double v, ByteMatrix matrix, double qrLeft, double qrTop, double module,
            double dark, double light, double px, double py, double phase) {
        if (u < 0 || v < 0 || u >= CARD_W || v >= CARD_H) {
            return background(px, py, phase);
        }
        int col = (int) Math.floor((u - qrLeft) / module);
        int row = (int) Math.floor((v - qrTop) / module);
        int n = matrix.getWidth();
        if (col >= 0 && row >= 0 && col < n && row < n) {
            return matrix.get(col, row) == 1 ? dark : light;
        }
        // printed text at the left: a few dark strokes where the site and the name are
        boolean name = v > 20 && v < 32 && u > 5 && u < 40 && ((int) (u * 1.3) % 4 != 0);
        boolean site = v > 10 && v < 14 && u > 5 && u < 30 && ((int) (u * 2) % 3 != 0);
        return name || site ? dark + (light - dark) * 0.1 : light;
    }

    /** A soft, uneven backdrop (a table, a shirt): low-frequency shading, never QR-like. */
    private static double background(double x, double y, double phase) {
        return 95 + 35 * Math.sin(x / 57.0 + phase) * Math.cos(y / 43.0 - phase) + 15 * Math.sin((x + y) / 13.0);
    }

    private static void boxBlur(double[] lum, int width, int height, int r) {
        double[] tmp = new double[lum.length];
        for (int y = 0; y < height; y++) {
            double acc = 0;
            int row = y * width;
            for (int x = -r; x <= r; x++) {
                acc += lum[row + Math.clamp(x, 0, width - 1)];
            }
            for (int x = 0; x < width; x++) {
                tmp[row + x] = acc / (2 * r + 1);
                acc += lum[row + Math.min(x + r + 1, width - 1)] - lum[row + Math.max(x - r, 0)];
            }
        }
        for (int x = 0; x < width; x++) {
            double acc = 0;
            for (int y = -r; y <= r; y++) {
                acc += tmp[Math.clamp(y, 0, height - 1) * width + x];
            }
            for (int y = 0; y < height; y++) {
                lum[y * width + x] = acc / (2 * r + 1);
                acc += tmp[Math.min(y + r + 1, height - 1) * width + x] - tmp[Math.max(y - r, 0) * width + x];
            }
        }
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
