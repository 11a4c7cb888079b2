package kr.smartsenior.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The district export: Excel and CSV of a site's results, the date range, formula injection made
 * harmless, UTF-8 with BOM, 404 for another site's staff (as for an unknown site) and an audit entry per export.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ResultExportIT {

    private static final String PASSWORD = "export-2026!pw";
    private static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";

    private TestServer server;
    private String kim;

    @BeforeAll
    void start() {
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.createSite("site-a", "가 경로당");
        admin.createSite("site-b", "나 경로당");
        kim = admin.createMember("site-a", "김순자", 1944, "F");
        String hostile = admin.createMember("site-a", FORMULA, 1940, "M");
        String other = admin.createMember("site-b", "박영수", 1941, "M");
        result(kim, "site-a", "CHAIR_STAND_30S", "12", "count", "2026-03-02T10:00:00+09:00");
        result(kim, "site-a", "CHAIR_STAND_30S", "14", "count", "2026-09-01T10:00:00+09:00");
        result(hostile, "site-a", "SIT_AND_REACH", "-3.5", "cm", "2026-09-02T11:30:00+09:00");
        result(other, "site-b", "GRIP_STRENGTH", "30", "kg", "2026-09-03T09:00:00+09:00");
        stored(kim, "site-a", "check", "UNWELL_TODAY", "1", "count", "2026-04-10T09:30:00+09:00");
        assertThat(admin.post("/api/staff", Map.of("username", "choi", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("site-b"))).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void result(String member, String site, String code, String value, String unit, String at) {
        stored(member, site, "test", code, value, unit, at);
    }

    private void stored(String member, String site, String kind, String code, String value, String unit, String at) {
        server.jdbc().sql("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit, taken_at,
                    taken_at_ms, detail, received_at_ms) VALUES (?, ?, ?, 'kiosk-1', 'b1', ?, ?, ?, ?, ?, ?, '{}', 0)""")
                .params(UUID.randomUUID().toString(), member, site, kind, code, new java.math.BigDecimal(value), unit, at,
                        OffsetDateTime.parse(at).toInstant().toEpochMilli())
                .update();
    }

    @Test
    void csvIsUtf8WithBomAndFormulasBecomeText() {
        ServerApi.Download csv = server.api().download("/api/sites/site-a/results.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("어르신 번호,이름,출생 연도,성별,측정 일시");
        assertThat(lines).hasSize(5).noneMatch(l -> l.contains("박영수"));
        assertThat(text).contains(kim + ",김순자,1944,여,2026-03-02 10:00,검사,CHAIR_STAND_30S,30초 의자에 앉았다 일어서기,12,count")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
                .contains(",-3.5,cm")
                .contains(kim + ",김순자,1944,여,2026-04-10 09:30,응답,UNWELL_TODAY,몸이 불편하다고 답함,1,count");
        assertThat(lines).noneMatch(l -> l.contains(",=") || l.startsWith("="));
    }

    @Test
    void excelHoldsTheRangeAsTextAndNumberCells() throws Exception {
        ServerApi.Download xlsx = server.api().download("/api/sites/site-a/results.xlsx?from=2026-09-01&to=2026-09-02");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(ExportController.XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2); // the March result is outside the range
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("이름");
            // by name: "=" sorts before Hangul
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(FORMULA); // a string cell, not a formula
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(-3.5);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("김순자");
            assertThat(sheet.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(14.0);
        }
    }

    @Test
    void anotherSitesStaffAreRefusedAndEveryExportIsAudited() {
        ServerApi choi = server.api().as("choi", PASSWORD);
        assertThat(choi.download("/api/sites/site-a/results.xlsx").status()).as("as an unknown site").isEqualTo(404);
        assertThat(choi.download("/api/sites/site-a/results.csv").status()).isEqualTo(404);
        assertThat(choi.download("/api/sites/site-b/results.csv").status()).isEqualTo(200);
        assertThat(server.api().download("/api/sites/site-a/results.csv?from=2026-10-01&to=2026-09-01").status())
                .isEqualTo(400);
        assertThat(server.api().download("/api/sites/site-a/results.csv?from=yesterday").status()).isEqualTo(400);
        List<String> actions = server.api().get("/api/audit?siteId=site-b&actor=choi").json().findValuesAsText("action");
        assertThat(actions).containsExactly("site.results.export");
    }

    @Test
    void csvCellsThatLookLikeFormulasGetAnApostrophe() {
        assertThat(ResultExport.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(ResultExport.safe("+82")).isEqualTo("'+82");
        assertThat(ResultExport.safe("-2")).isEqualTo("'-2");
        assertThat(ResultExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ResultExport.safe("김순자")).isEqualTo("김순자");
    }
}
