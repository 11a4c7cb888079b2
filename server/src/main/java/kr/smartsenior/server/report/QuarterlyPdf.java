package kr.smartsenior.server.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.fitness.Evaluator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The quarterly report as an A4 landscape PDF in Korean: participation per site, change per test
 * for the district and per site, alerts handled per kind and per site, and how to read it. The font
 * is {@code SSC_REPORT_FONT} (a TrueType Korean font, NanumGothic by default), embedded as a subset.
 * Long site names wrap within their column; tables continue on the next page with their header.
 */
@Component
final class QuarterlyPdf {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 36;
    static final float TITLE = 18;
    static final float HEADING = 13;
    static final float BODY = 9.5f;

    private final Path fontFile;

    QuarterlyPdf(@Value("${ssc.report.font}") String fontFile) {
        this.fontFile = Path.of(fontFile);
    }

    boolean available() {
        return Files.isReadable(fontFile);
    }

    Path fontFile() {
        return fontFile;
    }

    void write(QuarterlyReport report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, fontFile.toFile());
            Layout page = new Layout(document, font);
            page.text(report.quarter().korean() + " 경로당 운영 보고서 (구 전체)", TITLE);
            page.text(report.quarter().koreanRange() + " · 작성 " + DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm")
                    .format(report.madeAt().atZone(Quarter.SEOUL)) + " · 이름 없이 숫자만 적었습니다. 1~4는 '5명 미만'으로"
                    + " 적었습니다 (개인 보호).", BODY);
            page.gap(6);

            int total = report.totalRow();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= total; r++) {
                rows.add(List.of(report.rows().get(r), report.count(r, QuarterlyReport.REGISTERED),
                        report.count(r, QuarterlyReport.VISITORS), report.count(r, QuarterlyReport.VISITS),
                        decimal(report.figure(r, QuarterlyReport.VISITS_PER_VISITOR), false)));
            }
            page.table("1. 참여", new float[] {250, 120, 120, 120, 160},
                    List.of("경로당", "등록 어르신 (분기 말)", "한 번 이상 온 어르신", "방문 (날 수)", "온 어르신 1명당 방문"), rows);

            rows = new ArrayList<>();
            for (MeasurementCode code : report.tests()) {
                String unit = unit(code);
                rows.add(List.of(code.koreanName(), Evaluator.better(code) < 0 ? "낮을수록 좋음" : "높을수록 좋음",
                        report.count(total, QuarterlyReport.test(code, "compared")),
                        change(report.figure(total, QuarterlyReport.test(code, "median")), unit),
                        report.count(total, QuarterlyReport.test(code, "improved")),
                        report.count(total, QuarterlyReport.test(code, "held")),
                        report.count(total, QuarterlyReport.test(code, "declined"))));
            }
            page.table("2. 검사별 변화 (구 전체)", new float[] {160, 100, 100, 110, 100, 100, 100},
                    List.of("검사", "좋은 방향", "비교한 어르신", "변화 중앙값", "좋아짐", "유지", "나빠짐"), rows);

            List<String> header = new ArrayList<>(List.of("경로당"));
            report.tests().forEach(c -> header.add(c.koreanName() + (Evaluator.better(c) < 0 ? " (낮을수록 좋음)" : "")));
            float[] widths = new float[1 + report.tests().size()];
            widths[0] = 146;
            for (int i = 1; i < widths.length; i++) {
                widths[i] = (PAGE.getWidth() - 2 * MARGIN - widths[0]) / report.tests().size();
            }
            rows = new ArrayList<>();
            for (int r = 0; r <= total; r++) {
                List<String> row = new ArrayList<>(List.of(report.rows().get(r)));
                for (MeasurementCode code : report.tests()) {
                    row.add(change(report.figure(r, QuarterlyReport.test(code, "median")), unit(code)) + "\n"
                            + report.count(r, QuarterlyReport.test(code, "compared")));
                }
                rows.add(row);
            }
            page.table("3. 검사별 변화 (경로당별: 변화 중앙값 / 비교한 어르신)", widths, header, rows);

            rows = new ArrayList<>();
            for (var kind : report.alertKinds().entrySet()) {
                rows.add(alertRow(report, total, kind.getValue(), kind.getKey()));
            }
            String[] alertHeader = {"새로 생긴 알림", "그중 확인함", "그중 해결함", "해결까지 (중앙값)", "분기 말 처리 전"};
            page.table("4. 알림 처리 (구 전체, 종류별)", new float[] {190, 116, 116, 116, 116, 116},
                    withFirst("종류", alertHeader), rows);

            rows = new ArrayList<>();
            for (int r = 0; r <= total; r++) {
                rows.add(alertRow(report, r, report.rows().get(r), QuarterlyReport.ALL_KINDS));
            }
            page.table("5. 알림 처리 (경로당별, 모든 종류)", new float[] {190, 116, 116, 116, 116, 116},
                    withFirst("경로당", alertHeader), rows);

            page.text("보는 법", HEADING);
            for (String line : READING) {
                page.paragraph(line, BODY);
            }
            page.finish(report.quarter().korean() + " 경로당 운영 보고서");
            document.save(out);
        }
    }

    /** How to read the report: the definitions of {@link QuarterlyReport}, in Korean. */
    static final List<String> READING = List.of(
            "• 방문: 어르신이 그 경로당 키오스크에 기록(검사나 운동)을 남긴 날 (한국 시각 기준, 하루 여러 번은 1번).",
            "• 변화: 어르신마다 검사별로, 분기 안 마지막 날의 결과를 직전 분기의 마지막 결과(없으면 이번 분기 첫 결과)와 비교합니다."
                    + " 하루에 여러 번 재면 그날 가장 좋은 결과를 씁니다 (시간을 재는 검사는 가장 짧은 결과).",
            "• 좋아짐/나빠짐: 변화가 검사의 측정 오차(최소 실제 변화, docs/fitness-norms.md 3절)보다 클 때만. 그 안이면 '유지'."
                    + " 3m 표적 돌아오기(TUG)와 8자 보행은 시간이 줄면 좋아진 것입니다.",
            "• 알림: '새로 생긴 알림'은 분기 안에 생긴 알림, '확인함'·'해결함'은 그중 분기 말까지 처리한 것,"
                    + " '분기 말 처리 전'은 언제 생겼든 분기 말에 아직 해결되지 않고 조건도 남아 있던 알림입니다.",
            "• 개인 보호: 1~4명(회, 건)은 '5명 미만'으로 적고, 그 수를 빼기로 알아낼 수 없도록 같은 합계의 다른 칸도 가립니다"
                    + " ('비공개'). 5명 미만의 중앙값·평균은 '—'로 적습니다. 구 전체는 경로당별 합계입니다.",
            "• 동의를 철회한 어르신은 등록 수에서 빠지지만, 이름 없이 남긴 결과는 변화에 들어갑니다.");

    private static List<String> withFirst(String first, String[] rest) {
        List<String> list = new ArrayList<>(List.of(first));
        list.addAll(List.of(rest));
        return list;
    }

    private static List<String> alertRow(QuarterlyReport report, int row, String name, String kind) {
        Double days = report.figure(row, QuarterlyReport.alert(kind, "medianDays"));
        return List.of(name, report.count(row, QuarterlyReport.alert(kind, "opened")),
                report.count(row, QuarterlyReport.alert(kind, "acknowledged")),
                report.count(row, QuarterlyReport.alert(kind, "resolved")),
                days == null ? "—" : days + "일", report.count(row, QuarterlyReport.alert(kind, "open")));
    }

    /** The test's unit as staff say it: 회, 초, kg, cm. */
    static String unit(MeasurementCode code) {
        return switch (code.unit()) {
            case COUNT -> "회";
            case SECONDS -> "초";
            default -> code.unit().wireName();
        };
    }

    private static String change(Double value, String unit) {
        return value == null ? "—" : decimal(value, true) + " " + unit;
    }

    static String decimal(Double value, boolean signed) {
        if (value == null) {
            return "—";
        }
        String text = value == Math.rint(value) ? String.format("%.1f", value) : String.valueOf(value);
        return signed && value > 0 ? "+" + text : text;
    }

    /** Text and tables top to bottom on landscape pages, new pages as needed; page numbers at the end. */
    private static final class Layout {

        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PAGE.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void text(String text, float size) throws IOException {
            paragraph(text, size);
        }

        void paragraph(String text, float size) throws IOException {
            List<String> lines = wrap(text, size, width);
            float leading = size * 1.45f;
            if (y - leading * Math.min(lines.size(), 3) < MARGIN + 14) {
                newPage();
            }
            for (String line : lines) {
                if (y - leading < MARGIN + 14) {
                    newPage();
                }
                y -= leading;
                show(line, size, MARGIN, y);
            }
            y -= size * 0.3f;
        }

        void gap(float points) {
            y -= points;
        }

        /** A titled table; the title moves to the next page with the table's header and first rows. */
        void table(String title, float[] widths, List<String> header, List<List<String>> rows) throws IOException {
            float size = BODY;
            float leading = size * 1.35f;
            float pad = 3;
            float start = HEADING * 1.75f + rowHeight(widths, header, size, leading, pad);
            for (int i = 0; i < Math.min(2, rows.size()); i++) {
                start += rowHeight(widths, rows.get(i), size, leading, pad);
            }
            if (y - start < MARGIN + 14) {
                newPage();
            }
            paragraph(title, HEADING);
            row(widths, header, size, leading, pad, true);
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                if (y - rowHeight(widths, row, size, leading, pad) < MARGIN + 14) {
                    newPage();
                    row(widths, header, size, leading, pad, true);
                }
                row(widths, row, size, leading, pad, i == rows.size() - 1 && row.getFirst().equals("구 전체"));
            }
            y -= 10;
        }

        private float rowHeight(float[] widths, List<String> cells, float size, float leading, float pad)
                throws IOException {
            int lines = 1;
            for (int c = 0; c < cells.size(); c++) {
                lines = Math.max(lines, cellLines(cells.get(c), size, widths[c] - 2 * pad).size());
            }
            return lines * leading + 2 * pad;
        }

        private void row(float[] widths, List<String> cells, float size, float leading, float pad, boolean shaded)
                throws IOException {
            float height = rowHeight(widths, cells, size, leading, pad);
            float x = MARGIN;
            if (shaded) {
                stream.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                stream.addRect(MARGIN, y - height, sum(widths), height);
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
            }
            stream.setLineWidth(0.5f);
            for (int c = 0; c < cells.size(); c++) {
                stream.addRect(x, y - height, widths[c], height);
                stream.stroke();
                float lineY = y - pad;
                for (String line : cellLines(cells.get(c), size, widths[c] - 2 * pad)) {
                    lineY -= leading;
                    float textX = c == 0 ? x + pad : x + widths[c] - pad - font.getStringWidth(line) / 1000 * size;
                    show(line, size, textX, lineY + leading * 0.25f);
                }
                x += widths[c];
            }
            y -= height;
        }

        private List<String> cellLines(String text, float size, float cellWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String part : printable(text).split("\n", -1)) {
                lines.addAll(wrap(part, size, cellWidth));
            }
            return lines;
        }

        /** Breaks at spaces, and inside a word too long for the width (a long site name). */
        private List<String> wrap(String text, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : printable(text).split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, size) <= maxWidth) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                for (int cp : word.codePoints().toArray()) {
                    String next = current + Character.toString(cp);
                    if (width(next, size) > maxWidth && !current.isEmpty()) {
                        lines.add(current.toString());
                        current.setLength(0);
                    }
                    current.appendCodePoint(cp);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private void show(String text, float size, float x, float atY) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }

        /** Replaces characters the font cannot draw with '?' (a site name with a rare character). */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> {
                String s = Character.toString(c);
                if (c == '\n') {
                    out.append('\n');
                    return;
                }
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
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        /** Closes the last page and writes "title · n / N" at the foot of every page. */
        void finish(String title) throws IOException {
            stream.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    foot.beginText();
                    foot.setFont(font, 8);
                    foot.newLineAtOffset(MARGIN, MARGIN - 16);
                    foot.showText(printable(title + " · " + (i + 1) + " / " + pages));
                    foot.endText();
                }
            }
        }

        private static float sum(float[] values) {
            float s = 0;
            for (float v : values) {
                s += v;
            }
            return s;
        }
    }
}
