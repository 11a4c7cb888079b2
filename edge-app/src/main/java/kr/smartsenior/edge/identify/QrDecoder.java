package kr.smartsenior.edge.identify;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a QR code in a camera frame's luminance plane with ZXing, QR only.
 *
 * <p>Most frames show no card, so each frame is first searched for anything like a QR finder pattern
 * ({@link FinderScan}, straight from the luminance plane, about 0.7 ms at 640×480); a frame without
 * one costs nothing more. Otherwise the region around the finder-pattern-like places (the square
 * they span when three of them form a code's corners) is copied into a reused buffer and read by
 * passes, each a different way to turn grey into black and white for ZXing's detector and decoder
 * ({@link Pass}). The camera loop ({@link #decode}) runs the pass that reads most cards and one
 * more, a different one on each frame: a card is in view for many frames (30 per second), each with
 * fresh sensor noise, so the passes are spread over successive frames and no frame costs all of
 * them. {@link #decodeThoroughly} runs them all on one frame (a still photo).
 *
 * <p>Not thread-safe: one per camera thread.
 */
public final class QrDecoder {

    /** Margin around the finder-pattern-like places, in modules, when they span a whole code. */
    static final int MARGIN_MODULES = 8;
    /** Margin when they do not (one or two finder patterns seen): the rest of the code may lie on any side. */
    static final int WIDE_MARGIN_MODULES = 30;
    /** A code is at least this many modules across between its outer finder-pattern centres (version 1: 14). */
    private static final int MIN_SPAN_MODULES = 12;

    private static final Map<DecodeHintType, Object> HARD = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    /** The pass that reads most cards (measured, docs/benchmarks.md): on every frame with finder patterns. */
    static final Pass FIRST_PASS = Pass.SMOOTHED_GLOBAL;
    /** After the first pass, one of these, taking turns frame by frame. */
    static final List<Pass> SECOND_PASSES = List.of(Pass.GLOBAL, Pass.SMOOTHED_HYBRID, Pass.HYBRID);

    private int turn;
    private final QRCodeReader reader = new QRCodeReader();
    private final FinderScan finders = new FinderScan();
    private byte[] region = new byte[0];
    private byte[] smoothed = new byte[0];

    /** Which pass read the code (for benchmarks and logs). */
    public enum Pass {
        /** The region smoothed (3×3 mean), one threshold for it: reads most cards, noisy ones included. */
        SMOOTHED_GLOBAL,
        /** The region as it is, one threshold. */
        GLOBAL,
        /** The region smoothed, local thresholds ({@link HybridBinarizer}): uneven light over the card. */
        SMOOTHED_HYBRID,
        /** The region as it is, local thresholds. */
        HYBRID
    }

    /** A decoded text and the pass that found it. */
    public record Decoded(String text, Pass pass) {
    }

    /** The text of the QR code in the frame, if one can be read. */
    public Optional<String> decode(LumaFrame frame) {
        return decodeWithPass(frame).map(Decoded::text);
    }

    /** As {@link #decode}, saying which pass read it. */
    public Optional<Decoded> decodeWithPass(LumaFrame frame) {
        List<Place> places = places(frame);
        Region where = places.isEmpty() ? null : region(frame, places, false);
        if (where == null) {
            return Optional.empty();
        }
        Pass second = SECOND_PASSES.get(turn);
        turn = (turn + 1) % SECOND_PASSES.size();
        return passes(frame, where, List.of(FIRST_PASS, second));
    }

    /** Every pass, unconditionally (a still photo from the command line: time does not matter). */
    public Optional<String> decodeThoroughly(LumaFrame frame) {
        List<Place> places = places(frame);
        if (places.isEmpty()) {
            return Optional.empty();
        }
        Region square = region(frame, places, false);
        Optional<Decoded> read = square == null ? Optional.empty() : passes(frame, square, List.of(Pass.values()));
        if (read.isEmpty()) {
            // perhaps three other places were taken for the code's corners: the wide region around them all
            Region wide = region(frame, places, true);
            if (wide != null && !wide.equals(square)) {
                read = passes(frame, wide, List.of(Pass.values()));
            }
        }
        return read.map(Decoded::text);
    }

    /** These passes only, in this order (for tests and measurements). */
    Optional<Decoded> decodeWith(LumaFrame frame, List<Pass> passes) {
        List<Place> places = places(frame);
        Region where = places.isEmpty() ? null : region(frame, places, false);
        return where == null ? Optional.empty() : passes(frame, where, passes);
    }

    private Optional<Decoded> passes(LumaFrame frame, Region where, List<Pass> passes) {
        LumaFrame crop = cut(frame, where);
        LumaFrame smooth = null;
        for (Pass pass : passes) {
            if (smooth == null && (pass == Pass.SMOOTHED_GLOBAL || pass == Pass.SMOOTHED_HYBRID)) {
                smooth = smooth(crop);
            }
            String text = switch (pass) {
                case SMOOTHED_GLOBAL -> attempt(global(smooth), HARD);
                case GLOBAL -> attempt(global(crop), HARD);
                case SMOOTHED_HYBRID -> attempt(hybrid(smooth), HARD);
                case HYBRID -> attempt(hybrid(crop), HARD);
            };
            if (text != null) {
                return Optional.of(new Decoded(text, pass));
            }
        }
        return Optional.empty();
    }

    /** The finder-pattern-like places in the frame, most often hit first; empty for most frames. */
    private List<Place> places(LumaFrame frame) {
        List<FinderScan.Candidate> found = finders.scan(frame);
        return found.isEmpty() ? List.of() : Place.group(found);
    }

    /**
     * Where a code may be: when three of the finder-pattern-like places form a code's corner triangle
     * (two legs of about equal length at about a right angle), the square they span, its fourth corner
     * inferred, plus a margin; otherwise (or when asked to be {@code wide}) a wide region around all of
     * them. Null when that is too small to hold a code.
     */
    private static Region region(LumaFrame frame, List<Place> places, boolean wide) {
        double module = 0;
        for (Place place : places) {
            module = Math.max(module, place.module());
        }
        double[][] corners = !wide && places.size() >= 3 ? Place.corners(places) : null;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        double margin;
        if (corners != null) {
            for (double[] c : corners) {
                minX = Math.min(minX, c[0]);
                maxX = Math.max(maxX, c[0]);
                minY = Math.min(minY, c[1]);
                maxY = Math.max(maxY, c[1]);
            }
            margin = module * MARGIN_MODULES;
        } else {
            for (Place p : places) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
            margin = module * WIDE_MARGIN_MODULES;
        }
        int left = (int) Math.max(0, Math.floor(minX - margin));
        int top = (int) Math.max(0, Math.floor(minY - margin));
        int right = (int) Math.min(frame.width(), Math.ceil(maxX + margin));
        int bottom = (int) Math.min(frame.height(), Math.ceil(maxY + margin));
        if (right - left < 16 || bottom - top < 16) {
            return null;
        }
        return new Region(left, top, right - left, bottom - top);
    }

    /** Row hits of one finder-pattern-like place: their mean centre, module size, and how many. */
    record Place(double x, double y, double module, int hits) {

        /** How many of the most often hit places are tried as a code's corners. */
        static final int TRIANGLE_CHOICES = 6;
        /** Shape error (cosine of the angle plus log of the legs' ratio) within which triangles all count. */
        static final double NEARLY_AS_GOOD = 0.15;

        static List<Place> group(List<FinderScan.Candidate> found) {
            List<double[]> sums = new ArrayList<>(); // x, y, module, count
            for (FinderScan.Candidate c : found) {
                double[] home = null;
                for (double[] g : sums) {
                    double reach = 2 * g[2] / g[3];
                    if (Math.abs(g[0] / g[3] - c.x()) <= reach && Math.abs(g[1] / g[3] - c.y()) <= 2 * reach) {
                        home = g;
                        break;
                    }
                }
                if (home == null) {
                    sums.add(new double[] {c.x(), c.y(), c.module(), 1});
                } else {
                    home[0] += c.x();
                    home[1] += c.y();
                    home[2] += c.module();
                    home[3]++;
                }
            }
            List<Place> places = new ArrayList<>();
            for (double[] g : sums) {
                places.add(new Place(g[0] / g[3], g[1] / g[3], g[2] / g[3], (int) g[3]));
            }
            places.sort((p, q) -> Integer.compare(q.hits(), p.hits()));
            return places;
        }

        /**
         * The corners (finder centres and the inferred fourth) of the likeliest code: of the
         * {@value #TRIANGLE_CHOICES} most often hit places, the three that come closest to a square's
         * corner (a right angle between legs of equal length); null when no three look like one. Other
         * triangles nearly as good add their corners too: two finder patterns and the code's centre
         * make as perfect a corner as the three finder patterns, and the region must hold the code
         * whichever is which.
         */
        static double[][] corners(List<Place> places) {
            int n = Math.min(places.size(), TRIANGLE_CHOICES);
            List<double[][]> triangles = new ArrayList<>();
            double bestError = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    for (int k = j + 1; k < n; k++) {
                        double[][] corners = triangle(places.get(i), places.get(j), places.get(k));
                        if (corners != null) {
                            triangles.add(corners);
                            bestError = Math.min(bestError, corners[4][0]);
                        }
                    }
                }
            }
            List<double[]> points = new ArrayList<>();
            for (double[][] t : triangles) {
                if (t[4][0] <= bestError + NEARLY_AS_GOOD) {
                    points.addAll(List.of(t[0], t[1], t[2], t[3]));
                }
            }
            return points.isEmpty() ? null : points.toArray(double[][]::new);
        }

        private static double[][] triangle(Place a, Place b, Place c) {
            double ab = a.distance(b);
            double ac = a.distance(c);
            double bc = b.distance(c);
            // the right angle is opposite the longest side
            Place corner;
            Place p;
            Place q;
            if (bc >= ab && bc >= ac) {
                corner = a;
                p = b;
                q = c;
            } else if (ac >= ab) {
                corner = b;
                p = a;
                q = c;
            } else {
                corner = c;
                p = a;
                q = b;
            }
            double leg1 = corner.distance(p);
            double leg2 = corner.distance(q);
            double module = (a.module() + b.module() + c.module()) / 3;
            double cos = ((p.x() - corner.x()) * (q.x() - corner.x()) + (p.y() - corner.y()) * (q.y() - corner.y()))
                    / (leg1 * leg2);
            if (Math.min(leg1, leg2) < MIN_SPAN_MODULES * module || Math.max(leg1, leg2) > 1.6 * Math.min(leg1, leg2)
                    || Math.abs(cos) > 0.5 || Math.max(a.module(), Math.max(b.module(), c.module()))
                    > 1.6 * Math.min(a.module(), Math.min(b.module(), c.module()))) {
                return null;
            }
            // how far from a square's corner: the angle's cosine and the legs' ratio
            double error = Math.abs(cos) + Math.abs(Math.log(leg1 / leg2));
            return new double[][] {{corner.x(), corner.y()}, {p.x(), p.y()}, {q.x(), q.y()},
                    {p.x() + q.x() - corner.x(), p.y() + q.y() - corner.y()}, {error}};
        }

        double distance(Place other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    private record Region(int left, int top, int width, int height) {
    }

    /** The region's pixels, copied into a reused buffer (one small copy instead of ZXing's per pass). */
    private LumaFrame cut(LumaFrame frame, Region where) {
        int size = where.width() * where.height();
        if (region.length < size) {
            region = new byte[size];
        }
        for (int y = 0; y < where.height(); y++) {
            System.arraycopy(frame.data(), (where.top() + y) * frame.stride() + where.left(), region,
                    y * where.width(), where.width());
        }
        return new LumaFrame(region, where.width(), where.height(), where.width(), frame.capturedNanos());
    }

    /** A 3×3 mean of the luminance (edges copied), which cuts sensor noise to a third; buffer reused. */
    private LumaFrame smooth(LumaFrame frame) {
        int w = frame.width();
        int h = frame.height();
        if (smoothed.length < w * h) {
            smoothed = new byte[w * h];
        }
        smooth(frame, smoothed);
        return new LumaFrame(smoothed, w, h, w, frame.capturedNanos());
    }

    private static void smooth(LumaFrame frame, byte[] out) {
        int w = frame.width();
        int h = frame.height();
        byte[] src = frame.data();
        int stride = frame.stride();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    out[y * w + x] = src[y * stride + x];
                    continue;
                }
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * stride + x;
                    sum += (src[row - 1] & 0xFF) + (src[row] & 0xFF) + (src[row + 1] & 0xFF);
                }
                out[y * w + x] = (byte) (sum / 9);
            }
        }
    }

    /** Local thresholds ({@link HybridBinarizer}): good in uneven light. Null for a frame with no contrast. */
    private static BitMatrix hybrid(LumaFrame frame) {
        try {
            return new HybridBinarizer(source(frame)).getBlackMatrix();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** One threshold for the whole region: keeps large dark areas of a grey-on-grey card dark. */
    private static BitMatrix global(LumaFrame frame) {
        try {
            return new GlobalHistogramBinarizer(source(frame)).getBlackMatrix();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static LuminanceSource source(LumaFrame frame) {
        return new PlanarYUVLuminanceSource(frame.data(), frame.stride(), frame.height(), 0, 0, frame.width(),
                frame.height(), false);
    }

    private String attempt(BitMatrix black, Map<DecodeHintType, Object> hints) {
        if (black == null) {
            return null;
        }
        try {
            return reader.decode(new BinaryBitmap(new Binarized(black)), hints).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        } catch (RuntimeException e) {
            return null; // ZXing on a pathological frame: treat as nothing read
        } finally {
            reader.reset();
        }
    }

    /** A binarizer that hands ZXing a black-and-white image made once, so the passes do not redo it. */
    private static final class Binarized extends Binarizer {

        private final BitMatrix black;

        Binarized(BitMatrix black) {
            super(new Dimensions(black.getWidth(), black.getHeight()));
            this.black = black;
        }

        @Override
        public BitArray getBlackRow(int y, BitArray row) {
            return black.getRow(y, row);
        }

        @Override
        public BitMatrix getBlackMatrix() {
            return black;
        }

        @Override
        public Binarizer createBinarizer(LuminanceSource source) {
            return new HybridBinarizer(source);
        }
    }

    /** Only the size of the image is ever asked of this source: the pixels are already binarized. */
    private static final class Dimensions extends LuminanceSource {

        Dimensions(int width, int height) {
            super(width, height);
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            throw new UnsupportedOperationException("already binarized");
        }

        @Override
        public byte[] getMatrix() {
            throw new UnsupportedOperationException("already binarized");
        }
    }

}
