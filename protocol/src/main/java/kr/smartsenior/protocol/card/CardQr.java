package kr.smartsenior.protocol.card;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Arrays;
import java.util.Map;

/**
 * The QR symbol of a card token, as the server prints it and the kiosk reads it.
 *
 * <p>Error correction level Q (a quarter of the symbol may be scratched or smudged). The encoder
 * picks the mask pattern by the standard's penalty rules, and for about 4 tokens in 1,000 that
 * symbol is one ZXing's detector does not read even as a perfect image (measured on 3,000 tokens:
 * a data area that looks like a finder pattern, or a misplaced alignment pattern). A senior with
 * such a card could never be identified, so every symbol is read back here before it is used, and
 * if it does not read, the next mask pattern that does is taken (every one of the 13 failing tokens
 * read with some other mask). The mask is part of the symbol, so readers need nothing new.
 */
public final class CardQr {

    /** Error correction level of every card's QR code. */
    public static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.Q;
    /** Light modules around the symbol, as the standard asks. */
    public static final int QUIET_ZONE_MODULES = 4;

    private static final int CHECK_PIXELS_PER_MODULE = 4;
    private static final int MASK_PATTERNS = 8;

    private CardQr() {
    }

    /** The symbol's modules (1 dark, 0 light), without the quiet zone, proven readable. */
    public static ByteMatrix matrix(String text) {
        try {
            QRCode chosen = Encoder.encode(text, LEVEL);
            if (reads(chosen.getMatrix(), text)) {
                return chosen.getMatrix();
            }
            for (int mask = 0; mask < MASK_PATTERNS; mask++) {
                if (mask == chosen.getMaskPattern()) {
                    continue;
                }
                ByteMatrix other = Encoder.encode(text, LEVEL, Map.of(EncodeHintType.QR_MASK_PATTERN, mask)).getMatrix();
                if (reads(other, text)) {
                    return other;
                }
            }
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
        throw new IllegalArgumentException("no mask pattern gives a QR code that reads back");
    }

    /** Whether ZXing reads {@code text} back from the symbol drawn plainly with its quiet zone. */
    static boolean reads(ByteMatrix matrix, String text) {
        int modules = matrix.getWidth();
        int side = (modules + 2 * QUIET_ZONE_MODULES) * CHECK_PIXELS_PER_MODULE;
        byte[] luma = new byte[side * side];
        Arrays.fill(luma, (byte) 0xFF);
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; col++) {
                if (matrix.get(col, row) != 1) {
                    continue;
                }
                int top = (row + QUIET_ZONE_MODULES) * CHECK_PIXELS_PER_MODULE;
                int left = (col + QUIET_ZONE_MODULES) * CHECK_PIXELS_PER_MODULE;
                for (int y = top; y < top + CHECK_PIXELS_PER_MODULE; y++) {
                    Arrays.fill(luma, y * side + left, y * side + left + CHECK_PIXELS_PER_MODULE, (byte) 0);
                }
            }
        }
        var source = new PlanarYUVLuminanceSource(luma, side, side, 0, 0, side, side, false);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText().equals(text);
        } catch (ReaderException e) {
            return false;
        }
    }
}
