package kr.smartsenior.server.card;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads printed cards back the way a camera held over one card would: the card's cell of the rendered page. */
public final class PrintedCard {

    /** An office printer's resolution. */
    public static final float PRINT_DPI = 300;

    private PrintedCard() {
    }

    /** The QR text of the first card of a card PDF. */
    public static String firstQrText(byte[] pdf) throws IOException, ReaderException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, PRINT_DPI, ImageType.GRAY);
            return read(page, document.getPage(0).getMediaBox(), 0, PRINT_DPI).getText();
        }
    }

    /** Card {@code index}'s cell of a page rendered at {@code dpi}. */
    static BufferedImage cell(BufferedImage page, PDRectangle box, int index, float dpi) {
        float[] origin = CardSheet.cardOrigin(box, index);
        double scale = dpi / 72.0;
        int x = (int) Math.round(origin[0] * scale);
        int w = (int) Math.round(CardSheet.mm(CardSheet.CARD_WIDTH_MM) * scale);
        int h = (int) Math.round(CardSheet.mm(CardSheet.CARD_HEIGHT_MM) * scale);
        int y = (int) Math.round((box.getHeight() - origin[1]) * scale) - h;
        return page.getSubimage(x, y, w, h);
    }

    /** Decodes the QR code of card {@code index} of a page rendered at {@code dpi}. */
    static Result read(BufferedImage page, PDRectangle box, int index, float dpi) throws ReaderException {
        return read(cell(page, box, index, dpi));
    }

    /** Decodes the QR code in a grey image. */
    static Result read(BufferedImage image) throws ReaderException {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] luma = new byte[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                luma[row * w + col] = (byte) image.getRaster().getSample(col, row, 0);
            }
        }
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(luma, w, h, 0, 0, w, h, false);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }
}
