package kr.smartsenior.server.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.edge.bench.RolloutSimulation;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.protocol.UpdateCommand;
import kr.smartsenior.protocol.UpdateProblem;
import kr.smartsenior.protocol.UpdateReport;
import kr.smartsenior.protocol.UpdateStep;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An update campaign against the machine's Mosquitto and PostgreSQL, with simulated devices on the wire:
 * each receives its retained command, downloads the bundle over HTTP from the running server with its own
 * credentials, and reports steps; the API and the page show them. Also the upload's signature check, the
 * download's authentication, wave order, pause (the command withdrawn), a failure halting, and stop.
 */
@Timeout(240)
class UpdateCampaignIT {

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    /** A device on the wire: its retained update topic, and its credentials from its provisioning bundle. */
    record Device(String siteId, String id, String user, String password, List<byte[]> commands) {

        String updateTopic() {
            return Topics.of(siteId, id, Channel.UPDATE);
        }

        UpdateCommand lastCommand() {
            byte[] last = commands.getLast();
            return ((Decoded.Ok<UpdateCommand>) CODEC.decodeUpdateCommand(last)).value();
        }
    }

    @Test
    void aCampaignTellsWaveByWaveTheDevicesFetchWithTheirOwnCredentialsAndAFailureHalts() throws Exception {
        RequiredServices.mosquittoOrSkip();
        Path dir = Files.createTempDirectory("ssc-update-it-");
        RolloutSimulation.Releases releases = RolloutSimulation.prepareReleases(dir);
        String prefix = "u" + UUID.randomUUID().toString().substring(0, 6);
        MqttAsyncClient mqtt = new MqttAsyncClient(RequiredServices.MOSQUITTO_URL, "it-" + prefix, new MemoryPersistence());
        try (TestServer server = TestServer.mosquittoPostgres(Map.of("SSC_UPDATE_PUBLIC_KEY", releases.publicKey().toString()))) {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            mqtt.connect(options).waitForCompletion(10_000);
            ServerApi api = server.api();
            Device first = device(api, mqtt, prefix + "-1", 1);
            Device second = device(api, mqtt, prefix + "-2", 2);

            // uploads: a forged signature and a missing one are refused in Korean; the signed release is kept once
            ServerApi.Response forged = upload(server, releases.bundle(RolloutSimulation.GOOD_VERSION),
                    releases.signature(RolloutSimulation.BROKEN_VERSION));
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.json().at("/errors/0/message").asText()).contains("서명이 맞지 않습니다");
            assertThat(upload(server, releases.bundle(RolloutSimulation.GOOD_VERSION), null).status()).isEqualTo(400);
            ServerApi.Response uploaded = upload(server, releases.bundle(RolloutSimulation.GOOD_VERSION),
                    releases.signature(RolloutSimulation.GOOD_VERSION));
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            assertThat(uploaded.json().path("version").asText()).isEqualTo(RolloutSimulation.GOOD_VERSION);
            assertThat(upload(server, releases.bundle(RolloutSimulation.GOOD_VERSION),
                    releases.signature(RolloutSimulation.GOOD_VERSION)).status()).isEqualTo(409);
            assertThat(api.as("nobody", "x").get("/api/updates/releases").status()).isEqualTo(401);

            ServerApi.Response created = api.post("/api/updates/campaigns", Map.of("release", RolloutSimulation.GOOD_VERSION,
                    "waves", List.of(1, 2), "sites", List.of()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().path("id").asLong();
            assertThat(api.post("/api/updates/campaigns", Map.of("release", RolloutSimulation.GOOD_VERSION, "waves", List.of(1)))
                    .status()).as("one active campaign at a time").isEqualTo(409);

            // wave 1 first: the first device gets its retained command, the second waits
            await().atMost(Duration.ofSeconds(10)).until(() -> !first.commands().isEmpty());
            assertThat(step(api, id, second.id())).isEqualTo("WAITING");
            UpdateCommand command = first.lastCommand();
            assertThat(command.campaignId()).isEqualTo(id);
            assertThat(command.bundleUrl()).startsWith(server.baseUrl() + "/updates/bundles/");

            // the bundle over HTTP from the running server, with the device's own credentials only
            assertThat(fetch(command.bundleUrl(), null, null).statusCode()).isEqualTo(401);
            assertThat(fetch(command.bundleUrl(), first.user(), "wrong-password").statusCode()).isEqualTo(401);
            HttpResponse<byte[]> bundle = fetch(command.bundleUrl(), first.user(), first.password());
            assertThat(bundle.statusCode()).isEqualTo(200);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle.body())))
                    .isEqualTo(command.sha256());
            assertThat(bundle.body()).hasSize((int) command.sizeBytes());
            assertThat(fetch(command.signatureUrl(), first.user(), first.password()).body())
                    .isEqualTo(Files.readAllBytes(releases.signature(RolloutSimulation.GOOD_VERSION)));
            assertThat(server.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action = 'update.bundle.download' AND actor = ?")
                    .param(first.id()).query(Long.class).single()).isEqualTo(2);

            for (UpdateStep step : List.of(UpdateStep.RECEIVED, UpdateStep.DOWNLOADING, UpdateStep.VERIFIED, UpdateStep.INSTALLING)) {
                report(mqtt, first, id, step, null, "2026.11.0");
                await().until(() -> step(api, id, first.id()).equals(step.name()));
            }
            report(mqtt, first, id, UpdateStep.HEALTHY, null, RolloutSimulation.GOOD_VERSION);

            // wave 1 done: wave 2 is told
            await().atMost(Duration.ofSeconds(10)).until(() -> !second.commands().isEmpty());
            assertThat(step(api, id, first.id())).isEqualTo("HEALTHY");
            assertThat(step(api, id, second.id())).isEqualTo("TOLD");

            // pause: the second device had not begun, so its command is withdrawn (an empty retained message)
            assertThat(api.post("/api/updates/campaigns/" + id + "/pause", "").json().path("state").asText()).isEqualTo("PAUSED");
            await().atMost(Duration.ofSeconds(10)).until(() -> second.commands().getLast().length == 0);
            assertThat(step(api, id, second.id())).isEqualTo("WAITING");

            // resume: told again; its download fails the checksum, so the campaign halts with the reason
            int before = second.commands().size();
            assertThat(api.post("/api/updates/campaigns/" + id + "/resume", "").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> second.commands().size() > before
                    && second.commands().getLast().length > 0);
            report(mqtt, second, id, UpdateStep.FAILED, UpdateProblem.CHECKSUM_MISMATCH, "2026.11.0");
            await().until(() -> api.get("/api/updates/campaigns/" + id).json().path("state").asText().equals("PAUSED"));
            JsonNode halted = api.get("/api/updates/campaigns/" + id).json();
            assertThat(halted.path("stateReason").asText()).contains("1대", second.id());
            assertThat(halted.at("/counts/HEALTHY").asInt()).isEqualTo(1);
            assertThat(halted.at("/counts/FAILED").asInt()).isEqualTo(1);

            // the page shows every kiosk's step in Korean, with counts, to an admin only
            DashboardSession page = new DashboardSession(server.baseUrl());
            page.login("admin", TestServer.ADMIN_PASSWORD);
            String html = page.get("/admin/updates/campaigns/" + id).body();
            assertThat(html).contains("배포 #" + id, "일시 정지", "완료 1대", "실패 1대", first.id(), second.id(),
                    "파일이 다름 (체크섬 불일치, 설치 안 함)", "계속 진행", "배포 중지");
            assertThat(page.get("/admin/updates").body()).contains(RolloutSimulation.GOOD_VERSION, "새 배포 시작");
            screenshot(server, "/admin/updates/campaigns/" + id, "dashboard-campaign-halted");
            // a form without its CSRF token changes nothing
            assertThat(page.postForm("/admin/updates/campaigns/" + id + "/stop", Map.of(), false).statusCode()).isEqualTo(403);
            assertThat(page.postForm("/admin/updates/campaigns/" + id + "/stop", Map.of(), true).statusCode()).isEqualTo(302);
            assertThat(api.get("/api/updates/campaigns/" + id).json().path("state").asText()).isEqualTo("STOPPED");
        } finally {
            if (mqtt.isConnected()) {
                mqtt.disconnect().waitForCompletion(5_000);
            }
            mqtt.close();
            TestDatabase.deleteTree(dir);
        }
    }

    /** With {@code -Dssc.screenshots=DIR}: the page in headless Chromium at tablet width, to look at. */
    private static void screenshot(TestServer server, String path, String name) throws IOException {
        String dir = System.getProperty("ssc.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try (kr.smartsenior.server.testsupport.HeadlessChromium chromium =
                kr.smartsenior.server.testsupport.HeadlessChromium.startOrSkip()) {
            org.openqa.selenium.chrome.ChromeDriver browser = chromium.driver();
            browser.get(server.baseUrl() + "/login");
            browser.findElement(org.openqa.selenium.By.name("username")).sendKeys("admin");
            browser.findElement(org.openqa.selenium.By.name("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(org.openqa.selenium.By.cssSelector("main button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.not(
                            org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login")));
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 768));
            browser.get(server.baseUrl() + path);
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + "-1024.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
    }

    private static Device device(ServerApi api, MqttAsyncClient mqtt, String siteId, int wave) throws Exception {
        assertThat(api.post("/api/sites", Map.of("id", siteId, "name", "업데이트 " + siteId, "wave", wave)).status()).isEqualTo(201);
        JsonNode bundle = api.post("/api/sites/" + siteId + "/devices", Map.of()).json().path("bundle");
        Device device = new Device(siteId, bundle.path("deviceId").asText(), bundle.at("/mqtt/username").asText(),
                bundle.at("/mqtt/password").asText(), new CopyOnWriteArrayList<>());
        mqtt.subscribe(device.updateTopic(), Channel.QOS, (topic, message) -> device.commands().add(message.getPayload()))
                .waitForCompletion(10_000);
        return device;
    }

    private static void report(MqttAsyncClient mqtt, Device device, long campaign, UpdateStep step, UpdateProblem problem,
            String running) throws Exception {
        byte[] payload = CODEC.encode(new UpdateReport(campaign, RolloutSimulation.GOOD_VERSION, step, problem,
                problem == null ? null : "simulated", running, OffsetDateTime.now()));
        MqttMessage message = new MqttMessage(payload);
        message.setQos(Channel.QOS);
        mqtt.publish(Topics.of(device.siteId(), device.id(), Channel.UPDATE_STATUS), message).waitForCompletion(10_000);
    }

    private static String step(ServerApi api, long campaign, String deviceId) {
        return RolloutSimulation.kiosk(api.get("/api/updates/campaigns/" + campaign).json(), deviceId).path("step").asText();
    }

    private static HttpResponse<byte[]> fetch(String url, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static ServerApi.Response upload(TestServer server, Path bundle, Path signature) throws IOException, InterruptedException {
        String boundary = "ssc-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, Path> parts = signature == null ? Map.of("bundle", bundle) : Map.of("bundle", bundle, "signature", signature);
        for (Map.Entry<String, Path> part : parts.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getValue().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(part.getValue()));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/updates/releases"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestServer.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new ServerApi.Response(response.statusCode(), response.body(),
                response.body().isBlank() ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()),
                response.headers());
    }
}
