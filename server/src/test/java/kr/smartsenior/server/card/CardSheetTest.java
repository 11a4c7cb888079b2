package kr.smartsenior.server.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.qrcode.detector.FinderPattern;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.protocol.card.CardToken;
import kr.smartsenior.server.testsupport.RequiredServices;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prints cards and reads them back the way a camera would: rendered pages, decoded QR codes, measured. */
class CardSheetTest {

    private static final float DPI = 200;
    private static final CardIssuer ISSUER = new CardIssuer(new byte[32]);
    private static CardSheet sheet;

    @BeforeAll
    static void needsAKoreanFont() {
        sheet = new CardSheet(new CardSettings(null, null));
        try {
            sheet.font();
        } catch (CardFontMissingException e) {
            if (RequiredServices.servicesRequired()) {
                throw e;
            }
            Assumptions.abort("no Korean font here (install fonts-nanum): " + e.getMessage());
        }
    }

    @Test
    void everyCardOnEveryPageCarriesItsTokenInAQrOfAtLeast25mmWithAQuietZone() throws Exception {
        List<CardSheet.Card> cards = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "M7K2Q9XD" + CardToken.BASE32.charAt(i / 10) + CardToken.BASE32.charAt(i % 10);
            cards.add(new CardSheet.Card(i == 0 ? "김영희" : i == 1 ? "가".repeat(50) : i == 2 ? "박순자 🌸" : "회원" + i,
                    "영등포 경로당", id, ISSUER.token(id, 1 + i % 3)));
        }

        byte[] pdf = sheet.render(cards);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < cards.size(); i++) {
                int pageIndex = i / CardSheet.CARDS_PER_PAGE;
                PDPage page = document.getPage(pageIndex);
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                BufferedImage image = renderer.renderImageWithDPI(pageIndex, DPI, ImageType.GRAY);
                Read read = readCard(image, page.getMediaBox(), i % CardSheet.CARDS_PER_PAGE);

                assertThat(read.text()).as("card %d", i).isEqualTo(cards.get(i).token().text());
                assertThat(read.symbolMm()).as("QR width of card %d", i).isBetween(25.0, 32.0);
                assertThat(read.quietZoneIsWhite()).as("quiet zone of card %d", i).isTrue();
            }
        }
    }

    @Test
    void namesArePrintedInAnEmbeddedKoreanFont() throws Exception {
        byte[] pdf = sheet.render(List.of(new CardSheet.Card("김영희", "영등포 경로당", "M7K2Q9XD4T",
                ISSUER.token("M7K2Q9XD4T", 1))));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("김영희").contains("영등포").contains("경로당").contains("M7K2Q-9XD4T");
            PDPage page = document.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
            }
            assertThat(document.getDocumentInformation().getTitle()).doesNotContain("김영희");
        }
    }

    private record Read(String text, double symbolMm, boolean quietZoneIsWhite) {
    }

    /** Crops one card's cell out of the rendered page and decodes its QR code. */
    private static Read readCard(BufferedImage page, PDRectangle box, int index) throws Exception {
        BufferedImage cell = PrintedCard.cell(page, box, index, DPI);
        if (System.getenv("SSC_DEBUG_CARD") != null) {
            javax.imageio.ImageIO.write(cell, "png", new java.io.File("/tmp/card-" + index + ".png"));
        }
        Result result = PrintedCard.read(cell);
        ResultPoint[] points = result.getResultPoints(); // bottom-left, top-left, top-right finder centres
        FinderPattern topLeft = (FinderPattern) points[1];
        FinderPattern topRight = (FinderPattern) points[2];
        double module = (topLeft.getEstimatedModuleSize() + topRight.getEstimatedModuleSize()) / 2;
        double symbolPx = ResultPoint.distance(topLeft, topRight) + 7 * module;
        double symbolMm = symbolPx / DPI * 25.4;
        // the ring of 4 modules around the symbol (less a module for anti-aliasing) must be light
        int left = (int) Math.round(topLeft.getX() - 3.5 * module);
        int top = (int) Math.round(topLeft.getY() - 3.5 * module);
        int size = (int) Math.round(symbolPx);
        int inner = (int) Math.ceil(module);
        int outer = (int) Math.floor(3 * module);
        boolean white = true;
        for (int row = top - outer; row < top + size + outer; row++) {
            for (int col = left - outer; col < left + size + outer; col++) {
                boolean inSymbol = row >= top - inner && row < top + size + inner && col >= left - inner
                        && col < left + size + inner;
                if (!inSymbol && cell.getRaster().getSample(col, row, 0) < 200) {
                    white = false;
                }
            }
        }
        return new Read(result.getText(), symbolMm, white);
    }
}
