package kr.smartsenior.server.card;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import kr.smartsenior.protocol.card.CardQr;
import kr.smartsenior.protocol.card.CardToken;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints member cards: credit-card-sized (85.6 × 54 mm, ISO/IEC 7810 ID-1), ten to an A4 sheet in two
 * columns and five rows, with cut marks in the margins along every cut line. Each card shows the
 * site's name, the member's name in a large Korean font (embedded), the member id for staff, the card
 * version, and the QR code of the card token ({@link CardQr}: level Q, read back before it is printed):
 * {@value #QR_SYMBOL_MM} mm wide, with a quiet zone of {@value #QUIET_ZONE_MODULES} modules, drawn as vector squares (sharp at any
 * printer resolution). Nothing personal goes into the PDF's metadata.
 */
@Component
public final class CardSheet {

    /** One card to print. {@code displayName} and {@code siteName} are shown as given. */
    public record Card(String displayName, String siteName, String memberId, CardToken token) {
        public Card {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(siteName, "siteName");
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(token, "token");
        }
    }

    static final float CARD_WIDTH_MM = 85.6f;
    static final float CARD_HEIGHT_MM = 54f;
    static final int COLUMNS = 2;
    static final int ROWS = 5;
    static final int CARDS_PER_PAGE = COLUMNS * ROWS;
    /** Width of the QR symbol itself, without its quiet zone (at least 25 mm is asked for). */
    static final float QR_SYMBOL_MM = 30f;
    static final int QUIET_ZONE_MODULES = CardQr.QUIET_ZONE_MODULES;
    /** Gap between the QR's quiet zone and the card's right edge. */
    static final float QR_RIGHT_MARGIN_MM = 2f;
    static final float TEXT_LEFT_MM = 5f;
    static final float CUT_MARK_GAP_MM = 2f;
    static final float CUT_MARK_LENGTH_MM = 6f;

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float NAME_MAX_PT = 24f;
    private static final float NAME_MIN_PT = 9f;
    private static final float SITE_MAX_PT = 10f;
    private static final float SMALL_PT = 7f;

    private static final Logger log = LoggerFactory.getLogger(CardSheet.class);

    private final CardSettings settings;
    private volatile Path font;

    CardSheet(CardSettings settings) {
        this.settings = settings;
    }

    /**
     * The cards as a PDF, {@value #CARDS_PER_PAGE} to an A4 page.
     *
     * @throws CardFontMissingException when no Korean font is available
     */
    public byte[] render(List<Card> cards) {
        Path fontFile = font();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("스마트 경로당 회원 카드");
            info.setCreator("Smart Senior Center");
            PDType0Font typeface = PDType0Font.load(document, fontFile.toFile());
            int pages = Math.max(1, (cards.size() + CARDS_PER_PAGE - 1) / CARDS_PER_PAGE);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    drawCutMarks(content, page.getMediaBox());
                    List<Card> onPage = cards.subList(p * CARDS_PER_PAGE, Math.min(cards.size(), (p + 1) * CARDS_PER_PAGE));
                    for (int i = 0; i < onPage.size(); i++) {
                        float[] origin = cardOrigin(page.getMediaBox(), i);
                        drawCard(content, typeface, onPage.get(i), origin[0], origin[1]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the card PDF", e);
        }
    }

    /** Checks now that a Korean font is there (for a start-up warning); same exception as {@link #render}. */
    public Path font() {
        Path found = font;
        if (found == null) {
            found = CardFont.locate(settings.font());
            font = found;
        }
        return found;
    }

    /** Says at start-up, once, when cards cannot be printed for want of a font. */
    @EventListener(ApplicationReadyEvent.class)
    void checkFont() {
        try {
            log.info("printing cards with the font {}", font());
        } catch (CardFontMissingException e) {
            log.warn("cards cannot be printed: {}", e.getMessage());
        }
    }

    /** Lower-left corner of the i-th card on a page, in points: row by row from the top left. */
    static float[] cardOrigin(PDRectangle page, int index) {
        float gridWidth = COLUMNS * mm(CARD_WIDTH_MM);
        float gridHeight = ROWS * mm(CARD_HEIGHT_MM);
        float left = (page.getWidth() - gridWidth) / 2;
        float bottom = (page.getHeight() - gridHeight) / 2;
        int column = index % COLUMNS;
        int row = index / COLUMNS;
        return new float[] {left + column * mm(CARD_WIDTH_MM), bottom + (ROWS - 1 - row) * mm(CARD_HEIGHT_MM)};
    }

    private static void drawCutMarks(PDPageContentStream content, PDRectangle page) throws IOException {
        float gridWidth = COLUMNS * mm(CARD_WIDTH_MM);
        float gridHeight = ROWS * mm(CARD_HEIGHT_MM);
        float left = (page.getWidth() - gridWidth) / 2;
        float bottom = (page.getHeight() - gridHeight) / 2;
        float top = bottom + gridHeight;
        float right = left + gridWidth;
        float gap = mm(CUT_MARK_GAP_MM);
        float length = mm(CUT_MARK_LENGTH_MM);
        content.setStrokingColor(0f);
        content.setLineWidth(0.3f);
        for (int c = 0; c <= COLUMNS; c++) {
            float x = left + c * mm(CARD_WIDTH_MM);
            line(content, x, top + gap, x, top + gap + length);
            line(content, x, bottom - gap, x, bottom - gap - length);
        }
        for (int r = 0; r <= ROWS; r++) {
            float y = bottom + r * mm(CARD_HEIGHT_MM);
            line(content, left - gap, y, left - gap - length, y);
            line(content, right + gap, y, right + gap + length, y);
        }
        content.stroke();
    }

    private static void line(PDPageContentStream content, float x1, float y1, float x2, float y2) throws IOException {
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
    }

    private static void drawCard(PDPageContentStream content, PDType0Font font, Card card, float x, float y)
            throws IOException {
        // a hairline outline helps when the cut is off by a little
        content.setStrokingColor(0.85f);
        content.setLineWidth(0.25f);
        content.addRect(x, y, mm(CARD_WIDTH_MM), mm(CARD_HEIGHT_MM));
        content.stroke();

        float quietZoneWidth = drawQr(content, card.token().text(), x, y);
        float textWidth = mm(CARD_WIDTH_MM - TEXT_LEFT_MM - QR_RIGHT_MARGIN_MM) - quietZoneWidth;
        float textX = x + mm(TEXT_LEFT_MM);

        content.setNonStrokingColor(0.35f);
        text(content, font, "스마트 경로당 회원 카드", SMALL_PT, SMALL_PT, textX, y + mm(46), textWidth);
        content.setNonStrokingColor(0f);
        text(content, font, card.siteName(), SITE_MAX_PT, SMALL_PT, textX, y + mm(40), textWidth);
        text(content, font, card.displayName(), NAME_MAX_PT, NAME_MIN_PT, textX, y + mm(26), textWidth);
        content.setNonStrokingColor(0.35f);
        String id = card.memberId();
        text(content, font, "회원번호 " + id.substring(0, 5) + "-" + id.substring(5) + " · 카드 " + card.token().cardVersion(),
                SMALL_PT, 5f, textX, y + mm(12), textWidth);
        text(content, font, "QR을 카메라에 보여 주세요", SMALL_PT, 5f, textX, y + mm(6), textWidth);
        content.setNonStrokingColor(0f);
    }

    /** Draws the QR with its quiet zone at the card's right, centred vertically; returns the zone's width. */
    private static float drawQr(PDPageContentStream content, String text, float cardX, float cardY) throws IOException {
        ByteMatrix matrix = CardQr.matrix(text);
        int modules = matrix.getWidth();
        float module = mm(QR_SYMBOL_MM) / modules;
        float zone = mm(QR_SYMBOL_MM) + 2 * QUIET_ZONE_MODULES * module;
        float zoneX = cardX + mm(CARD_WIDTH_MM - QR_RIGHT_MARGIN_MM) - zone;
        float zoneY = cardY + (mm(CARD_HEIGHT_MM) - zone) / 2;
        content.setNonStrokingColor(1f);
        content.addRect(zoneX, zoneY, zone, zone);
        content.fill();
        float left = zoneX + QUIET_ZONE_MODULES * module;
        float top = zoneY + zone - QUIET_ZONE_MODULES * module;
        content.setNonStrokingColor(0f);
        for (int row = 0; row < modules; row++) {
            int col = 0;
            while (col < modules) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int run = col;
                while (run < modules && matrix.get(run, row) == 1) {
                    run++;
                }
                // a hair of overlap hides the seams some viewers draw between touching squares
                content.addRect(left + col * module, top - (row + 1) * module, (run - col) * module + 0.01f, module + 0.01f);
                col = run;
            }
        }
        content.fill();
        return zone;
    }

    /** One line of text, shrunk to fit the width (down to {@code minSize}), then cut with "…". */
    private static void text(PDPageContentStream content, PDType0Font font, String text, float maxSize, float minSize,
            float x, float y, float width) throws IOException {
        String printable = printable(font, text);
        float size = maxSize;
        while (size > minSize && widthOf(font, printable, size) > width) {
            size -= 0.5f;
        }
        String shown = printable;
        while (!shown.isEmpty() && widthOf(font, shown, size) > width) {
            shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
            if (widthOf(font, shown + "…", size) <= width) {
                shown = shown + "…";
                break;
            }
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(shown);
        content.endText();
    }

    private static float widthOf(PDType0Font font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /** The text without characters the font has no glyph for (an emoji in a name), which PDFBox would refuse. */
    static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                return;
            }
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException e) {
                // no glyph: leave it out
            }
        });
        return out.toString();
    }

    static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
