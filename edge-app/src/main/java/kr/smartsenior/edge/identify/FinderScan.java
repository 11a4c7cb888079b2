package kr.smartsenior.edge.identify;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheap look for anything like a QR finder pattern (the three nested squares in a QR code's
 * corners) in a camera frame, straight from the luminance plane, before any full binarization.
 *
 * <p>The frame is divided into {@value #BLOCK}×{@value #BLOCK} blocks; each block's black point is
 * estimated from 16 of its pixels the way ZXing's {@code HybridBinarizer} does it from all 64 (the
 * mean, or half the minimum in a block without contrast), and a pixel is dark when it is at or below
 * the mean black point of the 5×5 blocks around it. Every {@value #ROW_STEP}nd row is then scanned
 * for dark-light-dark-light-dark runs in the ratio 1:1:3:1:1 (the outer runs with more tolerance
 * than ZXing allows, so that this check is looser than the decoder it guards); a pixel within
 * {@value #HYSTERESIS} grey levels of its threshold keeps the class of the one before it, and the
 * dark runs must be {@value #MIN_CONTRAST} grey levels darker than the light ones, so that sensor
 * noise does not make patterns. Each hit is checked down the column through its centre and kept
 * when a hit lies below it within {@value #CONFIRM_ROWS} scanned rows (a finder pattern's centre is
 * three modules tall). A hit is a {@link Candidate}: where a finder pattern may be, and its module
 * size.
 *
 * <p>About 0.7 ms for a 640×480 frame on the development machine; buffers are reused while the
 * frames keep their size (and laid out afresh when it changes). Not
 * thread-safe: one per camera thread.
 */
final class FinderScan {

    static final int BLOCK = 8;
    static final int ROW_STEP = 2;
    /** Smallest module (pixels) looked for: a card's code (29 modules) then is 73 px wide; the kiosk's cards are 120+. */
    static final double MIN_MODULE = 2.5;
    /** A block whose sampled pixels span no more than this has no contrast of its own (ZXing's value). */
    private static final int MIN_DYNAMIC_RANGE = 24;
    /** Each run may differ from its ideal length by this share of a module (ZXing accepts 0.5). */
    private static final double TOLERANCE = 0.75;
    /** The centre run may differ from three modules by this many modules (as in ZXing). */
    private static final double CENTRE_TOLERANCE = 1.5;
    /** Row hits kept; a busy scene (a checked shirt) must not fill this before the card's rows. */
    private static final int MAX_HITS = 1024;
    /** A row hit counts when another one lies within this many scanned rows below it. */
    static final int CONFIRM_ROWS = 3;
    /** Grey levels around the threshold within which a pixel keeps the previous pixel's class. */
    static final int HYSTERESIS = 8;
    /** Least difference (grey levels) between the mean light and mean dark runs of a finder pattern. */
    static final int MIN_CONTRAST = 20;

    /** A place that looks like a finder pattern's centre, with its module size in pixels. */
    record Candidate(int x, int y, double module) {
    }

    private int[] blackPoints = new int[0];
    private int[] thresholds = new int[0];
    private int[] integral = new int[0];
    /** The block grid the buffers are laid out for: the integral image's rows are {@code cols + 1} long. */
    private int bufferCols = -1;
    private int bufferRows = -1;
    private final int[] runs = new int[5];
    private final int[] sums = new int[5];
    private final int[] column = new int[5];

    /** The finder-pattern-like places in the frame; empty when nothing there looks like one. */
    List<Candidate> scan(LumaFrame frame) {
        int cols = (frame.width() + BLOCK - 1) / BLOCK;
        int rows = (frame.height() + BLOCK - 1) / BLOCK;
        blockBlackPoints(frame, cols, rows);
        blockThresholds(cols, rows);
        List<Candidate> hits = new ArrayList<>();
        for (int y = ROW_STEP / 2; y < frame.height() && hits.size() < MAX_HITS; y += ROW_STEP) {
            scanRow(frame, y, cols, hits);
        }
        // a finder pattern's centre is three modules tall, so it shows on more than one scanned row;
        // sensor noise that happens to look like one on a single row does not repeat below it
        List<Candidate> confirmed = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Candidate hit = hits.get(i);
            for (int j = i + 1; j < hits.size(); j++) {
                Candidate next = hits.get(j);
                if (next.y() - hit.y() > CONFIRM_ROWS * ROW_STEP) {
                    break;
                }
                if (next.y() > hit.y() && Math.abs(next.x() - hit.x()) <= Math.max(2, hit.module())) {
                    confirmed.add(hit);
                    break;
                }
            }
        }
        return confirmed;
    }

    private void blockBlackPoints(LumaFrame frame, int cols, int rows) {
        if (cols != bufferCols || rows != bufferRows) {
            // a frame of another shape (even of the same area) needs its own layout, and the integral
            // image's first row and column must be zeros again
            bufferCols = cols;
            bufferRows = rows;
            blackPoints = new int[cols * rows];
            thresholds = new int[cols * rows];
            integral = new int[(cols + 1) * (rows + 1)];
        }
        byte[] data = frame.data();
        int stride = frame.stride();
        int maxX = frame.width() - 1;
        int maxY = frame.height() - 1;
        for (int by = 0; by < rows; by++) {
            for (int bx = 0; bx < cols; bx++) {
                int sum = 0;
                int min = 255;
                int max = 0;
                for (int dy = 1; dy < BLOCK; dy += 2) {
                    int row = Math.min(by * BLOCK + dy, maxY) * stride;
                    for (int dx = 1; dx < BLOCK; dx += 2) {
                        int p = data[row + Math.min(bx * BLOCK + dx, maxX)] & 0xFF;
                        sum += p;
                        min = Math.min(min, p);
                        max = Math.max(max, p);
                    }
                }
                int average = sum >> 4;
                if (max - min <= MIN_DYNAMIC_RANGE) {
                    // no contrast here: as ZXing, take half the minimum, or the neighbours' level when lower
                    average = min / 2;
                    if (by > 0 && bx > 0) {
                        int neighbours = (blackPoints[(by - 1) * cols + bx] + 2 * blackPoints[by * cols + bx - 1]
                                + blackPoints[(by - 1) * cols + bx - 1]) / 4;
                        if (min < neighbours) {
                            average = neighbours;
                        }
                    }
                }
                blackPoints[by * cols + bx] = average;
            }
        }
    }

    /** Each block's threshold: the mean black point of the 5×5 blocks around it (clipped at the edges). */
    private void blockThresholds(int cols, int rows) {
        int w = cols + 1;
        for (int by = 0; by < rows; by++) {
            int rowSum = 0;
            for (int bx = 0; bx < cols; bx++) {
                rowSum += blackPoints[by * cols + bx];
                integral[(by + 1) * w + bx + 1] = integral[by * w + bx + 1] + rowSum;
            }
        }
        for (int by = 0; by < rows; by++) {
            int top = Math.clamp(by - 2, 0, Math.max(0, rows - 5));
            int bottom = Math.min(rows, top + 5);
            for (int bx = 0; bx < cols; bx++) {
                int left = Math.clamp(bx - 2, 0, Math.max(0, cols - 5));
                int right = Math.min(cols, left + 5);
                int sum = integral[bottom * w + right] - integral[top * w + right] - integral[bottom * w + left]
                        + integral[top * w + left];
                thresholds[by * cols + bx] = sum / ((bottom - top) * (right - left));
            }
        }
    }

    private boolean dark(byte[] data, int stride, int x, int y, int cols) {
        return (data[y * stride + x] & 0xFF) <= thresholds[(y / BLOCK) * cols + x / BLOCK];
    }

    private void scanRow(LumaFrame frame, int y, int cols, List<Candidate> found) {
        byte[] data = frame.data();
        int offset = y * frame.stride();
        int thresholdRow = (y / BLOCK) * cols;
        int width = frame.width();
        int[] r = runs;
        int[] s = sums;
        java.util.Arrays.fill(r, 0);
        java.util.Arrays.fill(s, 0);
        int state = 0; // index of the run being counted; even runs are dark
        boolean wasDark = false;
        for (int x = 0; x < width; x++) {
            int p = data[offset + x] & 0xFF;
            int t = thresholds[thresholdRow + x / BLOCK];
            // a pixel near the threshold keeps the class of the one before: noise alone does not split a run
            boolean isDark = p <= t - HYSTERESIS || (p <= t + HYSTERESIS && wasDark);
            wasDark = isDark;
            if (isDark == ((state & 1) == 0)) {
                r[state]++;
                s[state] += p;
                continue;
            }
            if (state == 0 && r[0] == 0) {
                continue; // light before the first dark run
            }
            if (state < 4) {
                r[++state] = 1;
                s[state] = p;
                continue;
            }
            // a light pixel after the fifth (dark) run: the five runs are complete
            if (looksLikeFinder(r) && contrasty(r, s)) {
                int centreX = x - r[4] - r[3] - r[2] / 2;
                double module = (r[0] + r[1] + r[2] + r[3] + r[4]) / 7.0;
                if (crossCheckColumn(frame, centreX, y, module, cols) && found.size() < MAX_HITS) {
                    found.add(new Candidate(centreX, y, module));
                }
            }
            // keep the last dark-light pair as the start of the next pattern
            r[0] = r[2];
            r[1] = r[3];
            r[2] = r[4];
            r[3] = 1;
            r[4] = 0;
            s[0] = s[2];
            s[1] = s[3];
            s[2] = s[4];
            s[3] = p;
            s[4] = 0;
            state = 3;
        }
    }

    /** The dark runs are darker than the light ones by a printed card's contrast, not by sensor noise. */
    private static boolean contrasty(int[] r, int[] s) {
        int darkMean = (s[0] + s[2] + s[4]) / (r[0] + r[2] + r[4]);
        int lightMean = (s[1] + s[3]) / (r[1] + r[3]);
        return lightMean - darkMean >= MIN_CONTRAST;
    }

    static boolean looksLikeFinder(int[] r) {
        int total = r[0] + r[1] + r[2] + r[3] + r[4];
        if (total < 7 * MIN_MODULE) {
            return false;
        }
        double module = total / 7.0;
        double slack = module * TOLERANCE;
        return Math.abs(module - r[0]) < slack && Math.abs(module - r[1]) < slack
                && Math.abs(3 * module - r[2]) < CENTRE_TOLERANCE * module && Math.abs(module - r[3]) < slack
                && Math.abs(module - r[4]) < slack;
    }

    /**
     * Down the column through a row hit's centre: a dark centre, then light, dark and light again on
     * both sides, in about the same proportions (each side at most twice the row's module size).
     */
    private boolean crossCheckColumn(LumaFrame frame, int x, int y, double module, int cols) {
        byte[] data = frame.data();
        int stride = frame.stride();
        int height = frame.height();
        int limit = (int) Math.ceil(module * 2 * TOLERANCE + module * 2);
        int[] c = column;
        c[2] = 0;
        int i = y;
        while (i >= 0 && dark(data, stride, x, i, cols)) {
            c[2]++;
            i--;
        }
        int up1 = 0;
        while (i >= 0 && !dark(data, stride, x, i, cols) && up1 <= limit) {
            up1++;
            i--;
        }
        int up2 = 0;
        while (i >= 0 && dark(data, stride, x, i, cols) && up2 <= limit) {
            up2++;
            i--;
        }
        i = y + 1;
        while (i < height && dark(data, stride, x, i, cols)) {
            c[2]++;
            i++;
        }
        int down1 = 0;
        while (i < height && !dark(data, stride, x, i, cols) && down1 <= limit) {
            down1++;
            i++;
        }
        int down2 = 0;
        while (i < height && dark(data, stride, x, i, cols) && down2 <= limit) {
            down2++;
            i++;
        }
        c[0] = up2;
        c[1] = up1;
        c[3] = down1;
        c[4] = down2;
        return looksLikeFinder(c) && c[2] <= 3 * module * 3;
    }
}
