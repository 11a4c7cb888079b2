package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskMainTest {

    @Test
    void runsSimulatedWithTheScreenOrHeadless() {
        assertThat(KioskMain.usageProblem(List.of("--simulate"))).isEmpty();
        assertThat(KioskMain.usageProblem(List.of("--simulate", "--headless"))).isEmpty();
        assertThat(KioskMain.usageProblem(List.of("--headless", "--simulate"))).isEmpty();
    }

    @Test
    void withoutOptionsRunsOnTheRealDevices() {
        assertThat(KioskMain.usageProblem(List.of())).isEmpty();
    }

    @Test
    void theRealDevicesAlwaysComeWithTheScreen() {
        assertThat(KioskMain.usageProblem(List.of("--headless"))).get().asString()
                .contains("--headless runs only with --simulate");
    }

    @Test
    void namesAnUnknownOption() {
        assertThat(KioskMain.usageProblem(List.of("--simulate", "--headless", "--fast"))).get().asString()
                .contains("unknown option(s): --fast");
    }

    @Test
    void aMissingOrMalformedBrokerCaFileIsOneConfigurationErrorLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path notPem = dir.resolve("ca.crt");
        Files.writeString(notPem, "not a certificate");
        for (String caFile : List.of(dir.resolve("missing.crt").toString(), notPem.toString())) {
            KioskSettings settings = KioskSettings.fromEnvironment(Map.of("SSC_MQTT_URL", "ssl://broker.example:8883",
                    "SSC_MQTT_CA_FILE", caFile, "SSC_DATA_DIR", dir.resolve("data").toString()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<Integer> exits = new CopyOnWriteArrayList<>();

            Kiosk kiosk = KioskMain.startKiosk(settings, new PrintStream(err, true, StandardCharsets.UTF_8), exits::add);

            assertThat(kiosk).isNull();
            assertThat(exits).containsExactly(KioskMain.EXIT_USAGE);
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(said).startsWith("kiosk configuration error: ").contains("SSC_MQTT_CA_FILE").contains(caFile);
            assertThat(said.lines()).hasSize(1);
        }
    }

    @Test
    void aGoodConfigurationStartsTheKiosk(@TempDir Path dir) {
        KioskSettings settings = KioskSettings.fromEnvironment(Map.of("SSC_DATA_DIR", dir.toString()));
        List<Integer> exits = new CopyOnWriteArrayList<>();
        try (Kiosk kiosk = KioskMain.startKiosk(settings, System.err, exits::add)) {
            assertThat(kiosk).isNotNull();
        }
        assertThat(exits).isEmpty();
    }
}
