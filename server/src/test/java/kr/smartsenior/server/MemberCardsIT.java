package kr.smartsenior.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.protocol.card.CardToken;
import kr.smartsenior.server.card.PrintedCard;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.ServerApi.Download;
import kr.smartsenior.server.testsupport.ServerApi.Response;
import kr.smartsenior.server.testsupport.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Members and their cards through the HTTP API, and the roster the kiosks get, on the embedded defaults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MemberCardsIT {

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private TestServer server;
    private ServerApi api;

    @BeforeAll
    void start() {
        server = TestServer.embedded();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void updatesAMemberAndListsASitesMembersWithAnAuditEntry() {
        String siteId = site();
        String other = site();
        String id = api.createMember(siteId, "박철수", 1944, "M");
        Map<String, Object> body = new HashMap<>(Map.of("siteId", other, "displayName", " 박철수 ", "birthYear", 1944,
                "sex", "M", "heightCm", 165.5, "weightKg", 62, "consent", Map.of("date", "2026-03-01", "by", "본인")));

        Response updated = api.put("/api/members/" + id, body);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode member = updated.json();
        assertThat(member.get("siteId").asText()).isEqualTo(other);
        assertThat(member.get("heightCm").decimalValue()).isEqualByComparingTo("165.5");
        assertThat(member.get("consent").get("by").asText()).isEqualTo("본인");
        assertThat(member.get("consent").get("recordedBy").asText()).isEqualTo("admin");
        assertThat(member.get("cardVersion").asInt()).isEqualTo(1);
        assertThat(api.get("/api/sites/" + siteId + "/members").json()).isEmpty();
        JsonNode listed = api.get("/api/sites/" + other + "/members").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(member);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action = 'site.members.read' AND site_id = ?")
                .param(other).query(Long.class).single()).isEqualTo(1);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action = 'member.update' AND member_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badUpdatesAre400AndUnknownOnes404() {
        String siteId = site();
        String id = api.createMember(siteId, "김영희", 1948, "F");
        Map<String, Object> valid = Map.of("siteId", siteId, "displayName", "김영희", "birthYear", 1948, "sex", "F");
        String tomorrow = LocalDate.now().plusDays(2).toString();

        assertProblem(api.put("/api/members/" + id, with(valid, "heightCm", 300)), 400, "heightCm");
        assertProblem(api.put("/api/members/" + id, with(valid, "weightKg", -1)), 400, "weightKg");
        assertProblem(api.put("/api/members/" + id, with(valid, "consent", Map.of("date", tomorrow, "by", "본인"))), 400,
                "consent.date");
        assertProblem(api.put("/api/members/" + id, with(valid, "consent", Map.of("date", "yesterday", "by", "본인"))),
                400, "consent.date");
        assertProblem(api.put("/api/members/" + id, with(valid, "siteId", "no-such-site")), 400, "siteId");
        assertThat(api.put("/api/members/ZZZZZZZZZZ", valid).status()).isEqualTo(404);
        assertThat(api.get("/api/sites/no-such-site/members").status()).isEqualTo(404);
        assertThat(api.get("/api/sites/NOT..VALID/members").status()).isEqualTo(404);
        assertThat(api.download("/api/sites/no-such-site/cards.pdf").status()).isEqualTo(404);
        assertThat(api.download("/api/members/ZZZZZZZZZZ/card.pdf").status()).isEqualTo(404);
        assertThat(api.post("/api/members/ZZZZZZZZZZ/card/reissue", "").status()).isEqualTo(404);
    }

    @Test
    void aReissuedCardReplacesTheOldOneOnThePrintedCardAndOnTheRoster() throws Exception {
        String siteId = site();
        String id = api.createMember(siteId, "김영희", 1948, "F");
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-01")) {
            kiosk.subscribe(Topics.siteWide(siteId, Channel.ROSTER));
            CardToken first = printedToken(api.download("/api/members/" + id + "/card.pdf"));

            Response reissued = api.post("/api/members/" + id + "/card/reissue", "");
            CardToken second = printedToken(api.download("/api/members/" + id + "/card.pdf"));

            assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
            assertThat(reissued.json().get("cardVersion").asInt()).isEqualTo(2);
            assertThat(first.memberId()).isEqualTo(id);
            assertThat(first.cardVersion()).isEqualTo(1);
            assertThat(second.cardVersion()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> entry(latest(kiosk), id)
                    .map(e -> e.cardVersion() == 2).orElse(false));
            Roster roster = latest(kiosk);
            RosterEntry entry = entry(roster, id).orElseThrow();
            assertThat(entry.tokenHash()).isEqualTo(second.hash()).isNotEqualTo(first.hash());
            assertThat(entry.displayName()).isEqualTo("김영희");
            assertThat(roster.siteId()).isEqualTo(siteId);
            assertThat(new String(kiosk.received().getLast())).doesNotContain(second.mac()).doesNotContain("1948");
            assertThat(server.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action = 'member.card.print' AND member_id = ?")
                    .param(id).query(Long.class).single()).isEqualTo(2);
        }
    }

    @Test
    void theSiteSheetCarriesEveryMembersCard() throws Exception {
        String siteId = site();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(api.createMember(siteId, "회원" + i, 1940 + i, i % 2 == 0 ? "F" : "M"));
        }

        Download sheet = api.download("/api/sites/" + siteId + "/cards.pdf");

        requirePdf(sheet);
        try (PDDocument document = Loader.loadPDF(sheet.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }

    private CardToken printedToken(Download pdf) throws Exception {
        requirePdf(pdf);
        return CardToken.parse(PrintedCard.firstQrText(pdf.body())).orElseThrow();
    }

    /** A PDF, or the clear 503 a server without a Korean font gives (then the test is skipped). */
    private static void requirePdf(Download download) {
        if (download.status() == 503 && !RequiredServices.servicesRequired()) {
            Assumptions.abort("no Korean font on this machine: " + new String(download.body()));
        }
        assertThat(download.status()).as(new String(download.body())).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(new String(download.body(), 0, 5)).isEqualTo("%PDF-");
    }

    private static Roster latest(MqttTestClient kiosk) {
        List<byte[]> all = kiosk.received();
        if (all.isEmpty()) {
            return new Roster("none", 0, null, List.of());
        }
        return ((Decoded.Ok<Roster>) CODEC.decodeRoster(all.getLast())).value();
    }

    private static Optional<RosterEntry> entry(Roster roster, String memberId) {
        return roster.members().stream().filter(e -> e.memberId().equals(memberId)).findFirst();
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(field, value);
        return copy;
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }

    private String site() {
        String id = "mc-" + UUID.randomUUID().toString().substring(0, 8);
        api.createSite(id, "영등포 경로당");
        return id;
    }
}
