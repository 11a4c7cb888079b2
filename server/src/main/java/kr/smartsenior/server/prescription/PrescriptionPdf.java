package kr.smartsenior.server.prescription;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The current prescription as a printable A4 PDF in Korean, in large type for the senior: the
 * restrictions first, then one short line per component and the kiosk programs, then the staff
 * detail (FITT-VP) in smaller type. The font is a TrueType Korean font ({@code SSC_REPORT_FONT},
 * by default NanumGothic from the Debian package fonts-nanum), embedded as a subset.
 */
@Component
final class PrescriptionPdf {

    static final float TITLE_SIZE = 28;
    static final float SENIOR_SIZE = 20;
    static final float STAFF_SIZE = 11;
    static final float MARGIN = 50;
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Path fontFile;

    PrescriptionPdf(@Value("${ssc.report.font}") String fontFile) {
        this.fontFile = Path.of(fontFile);
    }

    /** Whether the configured font file exists (without it no PDF can be made). */
    boolean available() {
        return Files.isReadable(fontFile);
    }

    Path fontFile() {
        return fontFile;
    }

    byte[] render(Plan plan, Senior senior) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, fontFile.toFile());
            Writer writer = new Writer(document, font);
            writer.line("나의 운동 처방", TITLE_SIZE);
            writer.line(senior.displayName() + " 님 · 제 " + plan.version() + "판 · "
                    + DateTimeFormatter.ofPattern("yyyy년 M월 d일").format(plan.createdAt().atZoneSameInstant(SEOUL)),
                    SENIOR_SIZE);
            writer.gap(SENIOR_SIZE);
            for (Plan.Restriction restriction : plan.restrictions()) {
                writer.paragraph("※ " + restriction.seniorText(), SENIOR_SIZE);
            }
            for (Plan.ComponentPlan component : plan.components()) {
                writer.paragraph("• " + component.korean() + ": " + component.seniorLine(), SENIOR_SIZE);
            }
            for (Plan.ProgramLevel program : plan.programs()) {
                writer.paragraph("• 키오스크: " + program.seniorLine(), SENIOR_SIZE);
            }
            writer.paragraph("힘들거나 아프면 바로 멈추고 선생님께 말씀하세요.", SENIOR_SIZE);
            writer.gap(SENIOR_SIZE);
            writer.paragraph("[담당자용] 처방 근거 (FITT-VP, 규칙 " + plan.ruleset() + ")", STAFF_SIZE + 2);
            for (Plan.ComponentPlan c : plan.components()) {
                writer.paragraph(c.korean() + " — 빈도: " + c.frequency() + " / 강도: " + c.intensity() + " / 시간: "
                        + c.time() + " / 종류: " + c.type() + " / 양: " + c.volume() + " / 진행: " + c.progression(),
                        STAFF_SIZE);
                for (Plan.Reason reason : c.reasons()) {
                    writer.paragraph("  " + reason.rule() + ": " + String.join("; ", reason.measurements()), STAFF_SIZE);
                }
            }
            for (Plan.Restriction r : plan.restrictions()) {
                writer.paragraph(r.code() + ": " + r.staffText(), STAFF_SIZE);
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the prescription PDF", e);
        }
    }

    /** Lays out wrapped lines top to bottom, starting new pages as needed. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void line(String text, float size) throws IOException {
            float leading = size * 1.45f;
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(printable(text));
            stream.endText();
        }

        void paragraph(String text, float size) throws IOException {
            for (String line : wrap(printable(text), size)) {
                line(line, size);
            }
        }

        void gap(float size) {
            y -= size * 0.6f;
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || current.isEmpty()) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        /** Replaces characters the font cannot draw with '?' (rather than failing the whole PDF). */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> {
                String s = new String(Character.toChars(c));
                if (Character.isISOControl(c)) {
                    out.append(' ');
                    return;
                }
                try {
                    font.encode(s);
                    out.append(s);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
