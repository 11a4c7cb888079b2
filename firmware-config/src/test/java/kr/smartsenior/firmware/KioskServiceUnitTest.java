package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kr.smartsenior.protocol.Topics;
import org.junit.jupiter.api.Test;

class KioskServiceUnitTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = KioskServiceUnitTest.class.getResourceAsStream("/firmware/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> serviceSection(String unit) {
        Map<String, String> keys = new LinkedHashMap<>();
        String section = "";
        for (String line : unit.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                section = trimmed;
            } else if (section.equals("[Service]") && trimmed.contains("=") && !trimmed.startsWith("#")) {
                keys.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
            }
        }
        return keys;
    }

    @Test
    void kioskServiceRestartsAndWritesOnlyToItsDataDirectory() throws IOException {
        Map<String, String> service = serviceSection(resource("systemd/smartsenior-kiosk-sim.service"));
        assertThat(service.get("Restart")).isEqualTo("always");
        assertThat(service.get("ExecStart")).contains("-jar /opt/smartsenior/kiosk/smartsenior-kiosk.jar");
        assertThat(service.get("ProtectSystem")).isEqualTo("strict");
        assertThat(service.get("ReadWritePaths")).isEqualTo(service.get("WorkingDirectory"));
        assertThat(service.get("User")).isNotEqualTo("root");
    }

    @Test
    void exampleEnvironmentHasValidIdsAndKeepsTheStoreInTheWritableDirectory() throws IOException {
        Properties env = new Properties();
        env.load(new java.io.StringReader(resource("kiosk.env.example")));
        assertThat(Topics.isValidId(env.getProperty("SSC_SITE_ID"))).isTrue();
        assertThat(Topics.isValidId(env.getProperty("SSC_DEVICE_ID"))).isTrue();
        assertThat(env.getProperty("SSC_MQTT_URL")).matches("(tcp|ssl)://.+:\\d+");
        String unit = resource("systemd/smartsenior-kiosk-sim.service");
        assertThat(serviceSection(unit).get("ReadWritePaths")).isEqualTo(env.getProperty("SSC_DATA_DIR"));
    }

    @Test
    void theExampleEnvironmentNamesTheShippedPinMapRevisionAndValidCardReaders() throws IOException {
        Properties env = new Properties();
        env.load(new java.io.StringReader(resource("kiosk.env.example")));
        Properties pinMap = new Properties();
        pinMap.load(new java.io.StringReader(resource("pinmap.properties")));
        assertThat(env.getProperty("SSC_PIN_MAP_REVISION")).isEqualTo(pinMap.getProperty("hardware.revision"));
        String example = resource("kiosk.env.example");
        assertThat(example).contains("#SSC_CAMERA=rpicam", "#SSC_SCANNER=keyboard", "#SSC_CAMERA_DEVICE=/dev/video0");
    }
}
