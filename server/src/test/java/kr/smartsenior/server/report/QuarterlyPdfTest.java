package kr.smartsenior.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.alert.AlertHandling;
import kr.smartsenior.server.fitness.Evaluator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The quarterly report's PDF and workbook with realistic figures and the worst case (21 sites with
 * long names): Korean text is embedded and extractable, no glyph leaves the page's margins. With
 * {@code -Dssc.screenshots=DIR} the pages are rendered to {@code DIR/quarterly-*.png} to be looked at
 * (docs/screenshots/quarterly-report-*.png are two of them).
 */
class QuarterlyPdfTest {

    static final Path FONT = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
    static final Path OUT = Path.of("target/quarterly-report");

    /** A district of {@code sites} sites, each with 20-40 seniors, a quarter of visits, results and alerts. */
    static QuarterlyReport district(int sites, boolean longNames, long seed) {
        Random random = new Random(seed);
        Quarter q = new Quarter(2026, 3);
        List<QuarterlyReport.SiteName> names = new ArrayList<>();
        List<QuarterlyReport.Registration> registered = new ArrayList<>();
        List<QuarterlyReport.Visit> visits = new ArrayList<>();
        List<QuarterlyReport.Result> results = new ArrayList<>();
        List<AlertHandling.Fact> alerts = new ArrayList<>();
        long firstDay = q.firstDay().toEpochDay();
        for (int s = 0; s < sites; s++) {
            String id = "site-" + s;
            names.add(new QuarterlyReport.SiteName(id, longNames
                    ? "서울특별시 성북구 정릉제" + (s + 1) + "동 아리랑고개 새마을 주공아파트 단지 내 행복나눔 경로당"
                    : "정릉" + (s + 1) + "동 경로당"));
            int seniors = s == 3 ? 3 : 20 + random.nextInt(21); // one small site: its counts are hidden
            for (int m = 0; m < seniors; m++) {
                String member = id + "-m" + m;
                registered.add(new QuarterlyReport.Registration(id, q.previous().start()));
                if (random.nextDouble() < 0.7) {
                    int days = 1 + random.nextInt(30);
                    for (int d = 0; d < days; d++) {
                        visits.add(new QuarterlyReport.Visit(id, member, firstDay + random.nextInt(90)));
                    }
                }
                for (MeasurementCode code : QuarterlyReport.TESTS) {
                    if (random.nextDouble() < 0.6) {
                        double base = code == MeasurementCode.TIMED_UP_AND_GO ? 9 : code == MeasurementCode.FIGURE_8_WALK
                                ? 30 : 20;
                        double change = random.nextGaussian() * 2 - 0.5 * Evaluator.better(code);
                        results.add(new QuarterlyReport.Result(id, member, code,
                                q.previous().start().plus(Duration.ofDays(40)), base));
                        results.add(new QuarterlyReport.Result(id, member, code, q.start().plus(Duration.ofDays(50)),
                                Math.round((base + change) * 10) / 10.0));
                    }
                }
            }
            for (String kind : AlertHandling.KINDS.keySet()) {
                int n = random.nextInt(9);
                for (int a = 0; a < n; a++) {
                    Instant raised = q.start().plus(Duration.ofHours(random.nextInt(80 * 24)));
                    boolean acknowledged = random.nextDouble() < 0.8;
                    boolean resolved = acknowledged && random.nextDouble() < 0.7;
                    alerts.add(new AlertHandling.Fact(id, kind, raised, acknowledged ? raised.plusSeconds(3600) : null,
                            resolved ? raised.plus(Duration.ofHours(12 + random.nextInt(20 * 24))) : null,
                            random.nextBoolean()));
                }
            }
        }
        return QuarterlyReport.compute(q, Instant.parse("2026-10-02T00:30:00Z"), names, registered, visits, results,
                alerts, Map.of(MeasurementCode.TIMED_UP_AND_GO, 1.14, MeasurementCode.CHAIR_STAND_30S, 2.5,
                        MeasurementCode.GRIP_STRENGTH, 2.9, MeasurementCode.FIGURE_8_WALK, 1.5));
    }

    private static byte[] pdf(QuarterlyReport report) throws IOException {
        Assumptions.assumeTrue(Files.isReadable(FONT), "no Korean font here (install fonts-nanum)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QuarterlyPdf(FONT.toString()).write(report, out);
        return out.toByteArray();
    }

    @Test
    void realisticDistrictPrintsKoreanWithinThePage() throws IOException {
        check(district(8, false, 1), "realistic");
    }

    @Test
    void twentyOneSitesWithLongNamesStayWithinThePage() throws IOException {
        QuarterlyReport report = district(21, true, 2);
        String text = check(report, "worst");
        // the long names wrap inside their column: every word of a name is printed
        assertThat(text).contains("행복나눔").contains("정릉제21동");
        // the small site's counts are hidden
        assertThat(text).contains("5명 미만");
    }

    /** Extracts the text, checks every glyph is inside the margins, renders each page to PNG. */
    private static String check(QuarterlyReport report, String name) throws IOException {
        byte[] bytes = pdf(report);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".pdf"), bytes);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            float width = QuarterlyPdf.PAGE.getWidth();
            float height = QuarterlyPdf.PAGE.getHeight();
            List<String> outside = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (p.getXDirAdj() < QuarterlyPdf.MARGIN - 0.5
                                || p.getXDirAdj() + p.getWidthDirAdj() > width - QuarterlyPdf.MARGIN + 0.5
                                || p.getYDirAdj() < QuarterlyPdf.MARGIN - 1 || p.getYDirAdj() > height - 8) {
                            outside.add(p.getUnicode() + "@" + p.getXDirAdj() + "," + p.getYDirAdj());
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            // NanumGothic maps U+0000 and the space to one glyph, so its spaces extract as U+0000
            String text = stripper.getText(document).replace('\0', ' ');
            assertThat(outside).as("glyphs outside the margins").isEmpty();
            assertThat(text).contains("2026년 3분기 경로당 운영 보고서").contains("구 전체").contains("낮을수록 좋음")
                    .contains("3m 표적 돌아오기").contains("알림 처리").contains("보는 법");
            assertThat(text).doesNotContain("?");
            String shots = System.getProperty("ssc.screenshots");
            if (shots != null) { // to look at: -Dssc.screenshots=DIR
                Path dir = shots.isBlank() ? OUT : Path.of(shots);
                Files.createDirectories(dir);
                PDFRenderer renderer = new PDFRenderer(document);
                for (int i = 0; i < document.getNumberOfPages(); i++) {
                    BufferedImage image = renderer.renderImageWithDPI(i, 80);
                    ImageIO.write(image, "png", dir.resolve("quarterly-" + name + "-" + (i + 1) + ".png").toFile());
                }
            }
            return text;
        }
    }

    @Test
    void theWorkbookHasTheSameFiguresAndHiddenCountsAsText() throws IOException {
        QuarterlyReport report = district(21, true, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuarterlyWorkbook.write(report, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("참여");
            Sheet participation = book.getSheet("참여");
            // row 2 is the first site; row 2 + 21 the district
            assertThat(participation.getRow(2 + 21).getCell(0).getStringCellValue()).isEqualTo("구 전체");
            assertThat(participation.getRow(2 + 3).getCell(1).getStringCellValue()).isEqualTo("5명 미만");
            Integer total = report.shownCount(21, QuarterlyReport.REGISTERED);
            assertThat(total).isNotNull();
            assertThat(participation.getRow(2 + 21).getCell(1).getNumericCellValue()).isEqualTo(total.doubleValue());
            Sheet changes = book.getSheet("검사별 변화");
            assertThat(changes.getLastRowNum()).isEqualTo(1 + 22 * QuarterlyReport.TESTS.size());
            assertThat(book.getSheet("알림 처리").getLastRowNum()).isEqualTo(1 + 22 * report.alertKinds().size());
            assertThat(book.getSheet("보는 법").getRow(1).getCell(0).getStringCellValue()).startsWith("• 방문");
        }
    }
}
