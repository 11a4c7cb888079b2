package kr.smartsenior.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /api/sites/{siteId}/members/import}: the dry run stores nothing, a file with a broken
 * row stores nothing unless {@code partial}, Excel and CSV both work, another site's staff get 404 (as for an unknown site),
 * and each import is audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MemberImportIT {

    private static final String PASSWORD = "import-2026!pw";
    private static final String CSV = "\uFEFF이름,출생연도,성별,키,동의일,동의자\r\n"
            + "김순자,1944,여,152.5,2026-01-05,본인\r\n"
            + "<img src=x onerror=alert(1)>,1940,남,,,\r\n"
            + "이,19x4,여,,,\r\n";

    private TestServer server;
    private ServerApi staff;

    @BeforeAll
    void start() {
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.createSite("site-a", "가 경로당");
        admin.createSite("site-b", "나 경로당");
        assertThat(admin.post("/api/staff", Map.of("username", "lee", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("site-a"))).status()).isEqualTo(201);
        staff = admin.as("lee", PASSWORD);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aFileWithABrokenRowIsPreviewedRefusedAndThenImportedOnlyWhenAskedForTheValidRows() {
        byte[] file = CSV.getBytes(StandardCharsets.UTF_8);
        ServerApi.Response preview = staff.postFile("/api/sites/site-a/members/import?dryRun=true", "명단.csv", file);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("rows").asInt()).isEqualTo(3);
        assertThat(preview.json().get("valid").asInt()).isEqualTo(2);
        assertThat(preview.json().get("errors").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(preview.json().get("errors").get(0).get("field").asText()).isEqualTo("birthYear");
        assertThat(members("site-a")).isEmpty();

        ServerApi.Response refused = staff.postFile("/api/sites/site-a/members/import?dryRun=false", "명단.csv", file);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("imported").asInt()).isZero();
        assertThat(members("site-a")).isEmpty();

        ServerApi.Response partial = staff.postFile("/api/sites/site-a/members/import?dryRun=false&partial=true",
                "명단.csv", file);
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        assertThat(partial.json().get("imported").asInt()).isEqualTo(2);
        assertThat(members("site-a")).extracting(m -> m.get("displayName").asText())
                .containsExactlyInAnyOrder("김순자", "<img src=x onerror=alert(1)>");

        List<String> actions = server.api().get("/api/audit?siteId=site-a&actor=lee").json().findValuesAsText("action");
        assertThat(actions).contains("site.members.import.preview", "site.members.import");
    }

    @Test
    void anExcelFileWithOnlyValidRowsIsImportedWholeIntoTheGivenSite() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet();
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("이름");
            header.createCell(1).setCellValue("출생연도");
            header.createCell(2).setCellValue("성별");
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("최복례");
            row.createCell(1).setCellValue(1939);
            row.createCell(2).setCellValue("여");
            book.write(out);
            xlsx = out.toByteArray();
        }
        server.api().createSite("site-x", "다 경로당");
        ServerApi.Response imported = server.api().postFile("/api/sites/site-x/members/import?dryRun=false",
                "명단.xlsx", xlsx);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(members("site-x")).singleElement().satisfies(m -> {
            assertThat(m.get("displayName").asText()).isEqualTo("최복례");
            assertThat(m.get("birthYear").asInt()).isEqualTo(1939);
        });
    }

    @Test
    void aRowWithARegisteredSeniorsPhoneIsSkippedUnlessConfirmed() {
        server.api().createSite("site-p", "라 경로당");
        ServerApi.Response registered = server.api().post("/api/members", Map.of("siteId", "site-p", "displayName",
                "윤정희", "birthYear", 1945, "sex", "F", "contacts", Map.of("phone", "010-2222-3333")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.json().get("id").asText();
        // another name and year, the same number written without hyphens: the same senior, perhaps
        byte[] file = "이름,출생연도,성별,전화번호\n윤정이,1946,여,01022223333\n".getBytes(StandardCharsets.UTF_8);
        ServerApi.Response preview = server.api().postFile("/api/sites/site-p/members/import?dryRun=true", "명단.csv", file);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(preview.json().get("preview").get(0).get("duplicate").asText())
                .isEqualTo("이미 등록된 어르신과 전화번호가 같습니다 (번호 " + id + ")");
        ServerApi.Response skipped = server.api().postFile("/api/sites/site-p/members/import?dryRun=false", "명단.csv",
                file);
        assertThat(skipped.json().get("imported").asInt()).as(skipped.body()).isZero();
        assertThat(skipped.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(members("site-p")).hasSize(1);
        ServerApi.Response confirmed = server.api().postFile(
                "/api/sites/site-p/members/import?dryRun=false&confirm=2", "명단.csv", file);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().get("imported").asInt()).isEqualTo(1);
        assertThat(members("site-p")).hasSize(2);
        // the same number at another site is no duplicate there
        server.api().createSite("site-q", "마 경로당");
        ServerApi.Response elsewhere = server.api().postFile("/api/sites/site-q/members/import?dryRun=true", "명단.csv",
                file);
        assertThat(elsewhere.json().get("duplicates").asInt()).isZero();
    }

    @Test
    void anotherSitesStaffUnknownSitesAndUnreadableFilesAreRefused() {
        byte[] file = "이름,출생연도,성별\n박,1940,M\n".getBytes(StandardCharsets.UTF_8);
        assertThat(staff.postFile("/api/sites/site-b/members/import?dryRun=false", "a.csv", file).status())
                .as("another site reads as an unknown one").isEqualTo(404);
        assertThat(server.api().get("/api/sites/site-b/members").json()).isEmpty();
        assertThat(staff.postFile("/api/sites/nowhere/members/import", "a.csv", file).status()).isEqualTo(404);
        ServerApi.Response garbage = staff.postFile("/api/sites/site-a/members/import", "a.xlsx",
                "PK\u0003\u0004not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("title").asText()).isEqualTo("Unreadable file");
        assertThat(server.api().anonymous().postFile("/api/sites/site-a/members/import", "a.csv", file).status())
                .isEqualTo(401);
    }

    private List<JsonNode> members(String siteId) {
        List<JsonNode> list = new java.util.ArrayList<>();
        server.api().get("/api/sites/" + siteId + "/members").json().forEach(list::add);
        return list;
    }
}
