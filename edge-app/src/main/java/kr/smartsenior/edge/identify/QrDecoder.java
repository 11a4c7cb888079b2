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
import java.util.Map;
import java.util.Optional;

/**
 * Finds a QR code in a camera frame's luminance plane with ZXing, QR only, without copying the frame
 * ({@link PlanarYUVLuminanceSource} reads the plane in place, padded rows included).
 *
 * <p>The frame is binarized once ({@link HybridBinarizer}); then passes, cheapest first, look for the
 * code: the centre of the frame (where a senior holds the card, told so by the
 * screen); the whole frame; and only when a fast pass saw something like a QR code it could not read
 * (a finder pattern, a bad checksum) or on every {@value #TRY_HARDER_EVERY}th frame, the whole frame
 * again with ZXing's {@code TRY_HARDER}. Most frames show no card, and those must stay cheap.
 *
 * <p>Not thread-safe: one per camera thread.
 */
public final class QrDecoder {

    /** The centre crop's share of the frame's width and height. */
    public static final double CENTRE_CROP = 0.6;
    /** Even with no hint of a QR code, the slow pass runs on every n-th frame. */
    public static final int TRY_HARDER_EVERY = 8;
    /** After the scene changes (a card comes into view), the slow pass runs on this many frames. */
    public static final int TRY_HARDER_AFTER_CHANGE = 15;

    private static final int WORD = Integer.SIZE;
    private static final Map<DecodeHintType, Object> FAST = Map.of();
    private static final Map<DecodeHintType, Object> HARD = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private final QRCodeReader reader = new QRCodeReader();
    private final SceneChange scene = new SceneChange();
    private long frames;
    private int eagerFrames;

    /** Which pass read the code (for benchmarks and logs). */
    public enum Pass { CENTRE, FULL, TRY_HARDER }

    /** A decoded text and the pass that found it. */
    public record Decoded(String text, Pass pass) {
    }

    /** The text of the QR code in the frame, if one can be read. */
    public Optional<String> decode(LumaFrame frame) {
        return decodeWithPass(frame).map(Decoded::text);
    }

    /** As {@link #decode}, saying which pass read it. */
    public Optional<Decoded> decodeWithPass(LumaFrame frame) {
        frames++;
        if (scene.changed(frame)) {
            eagerFrames = TRY_HARDER_AFTER_CHANGE;
        }
        boolean eager = eagerFrames > 0;
        if (eager) {
            eagerFrames--;
        }
        BitMatrix black = binarize(frame);
        if (black == null) {
            return Optional.empty(); // a flat frame (lens covered): nothing to find
        }
        // whole 32-bit words of the black-and-white rows, so the centre is copied word by word
        int cropW = Math.max(WORD, (int) (frame.width() * CENTRE_CROP) / WORD * WORD);
        int cropH = even(frame.height() * CENTRE_CROP);
        int left = (frame.width() - cropW) / 2 / WORD * WORD;
        int top = (frame.height() - cropH) / 2;
        Attempt centre = attempt(crop(black, left, top, cropW, cropH), FAST);
        if (centre.text() != null) {
            return Optional.of(new Decoded(centre.text(), Pass.CENTRE));
        }
        Attempt full = attempt(black, FAST);
        if (full.text() != null) {
            return Optional.of(new Decoded(full.text(), Pass.FULL));
        }
        if (centre.sawSomething() || full.sawSomething() || eager || frames % TRY_HARDER_EVERY == 0) {
            return tryHarder(frame, black).map(text -> new Decoded(text, Pass.TRY_HARDER));
        }
        return Optional.empty();
    }

    /** Every pass, unconditionally (a still photo from the command line: time does not matter). */
    public Optional<String> decodeThoroughly(LumaFrame frame) {
        Optional<String> quick = decode(frame);
        if (quick.isPresent()) {
            return quick;
        }
        BitMatrix black = binarize(frame);
        return black == null ? Optional.empty() : tryHarder(frame, black);
    }

    /**
     * ZXing's thorough finder-pattern search on the same image; then the frame smoothed (a 3×3 mean,
     * which cuts sensor noise to a third) and binarized again, searched thoroughly once more.
     */
    private Optional<String> tryHarder(LumaFrame frame, BitMatrix black) {
        Attempt hard = attempt(black, HARD);
        if (hard.text() != null) {
            return Optional.of(hard.text());
        }
        BitMatrix smoothed = binarize(smooth(frame));
        if (smoothed != null) {
            Attempt again = attempt(smoothed, HARD);
            if (again.text() != null) {
                return Optional.of(again.text());
            }
        }
        // one threshold for the whole frame keeps large dark areas of a grey-on-grey card dark
        LuminanceSource source = new PlanarYUVLuminanceSource(frame.data(), frame.stride(), frame.height(), 0, 0,
                frame.width(), frame.height(), false);
        try {
            return Optional.ofNullable(attempt(new GlobalHistogramBinarizer(source).getBlackMatrix(), HARD).text());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** A 3×3 mean of the luminance plane (edges copied), as an unpadded frame. */
    static LumaFrame smooth(LumaFrame frame) {
        int w = frame.width();
        int h = frame.height();
        byte[] src = frame.data();
        int stride = frame.stride();
        byte[] out = new byte[w * h];
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
        return new LumaFrame(out, w, h, w, frame.capturedNanos());
    }

    /**
     * Binarizes the whole frame once ({@link HybridBinarizer}: local thresholds, good in uneven light);
     * every pass then reads the same black-and-white image. Null for a frame with no contrast at all.
     */
    private static BitMatrix binarize(LumaFrame frame) {
        LuminanceSource source = new PlanarYUVLuminanceSource(frame.data(), frame.stride(), frame.height(), 0, 0,
                frame.width(), frame.height(), false);
        try {
            return new HybridBinarizer(source).getBlackMatrix();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** A region whose left edge and width are multiples of {@value #WORD} bits, copied a word at a time. */
    private static BitMatrix crop(BitMatrix full, int left, int top, int width, int height) {
        BitMatrix part = new BitMatrix(width, height);
        BitArray source = new BitArray(full.getWidth());
        BitArray target = new BitArray(width);
        for (int y = 0; y < height; y++) {
            full.getRow(top + y, source);
            System.arraycopy(source.getBitArray(), left / WORD, target.getBitArray(), 0, width / WORD);
            part.setRow(y, target);
        }
        return part;
    }

    private Attempt attempt(BitMatrix black, Map<DecodeHintType, Object> hints) {
        try {
            return new Attempt(reader.decode(new BinaryBitmap(new Binarized(black)), hints).getText(), true);
        } catch (NotFoundException e) {
            return new Attempt(null, false);
        } catch (ChecksumException | FormatException e) {
            return new Attempt(null, true); // a QR code is there, not readable this time
        } catch (RuntimeException e) {
            return new Attempt(null, false); // ZXing on a pathological frame: treat as nothing seen
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

    private static int even(double value) {
        return Math.max(2, ((int) value) & ~1);
    }

    private record Attempt(String text, boolean sawSomething) {
    }
}
