package kr.smartsenior.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference pin map is wirable: every pin used once, none of the pins reserved for I2C, UART or
 * the HAT EEPROM used as an input, every header number matching its GPIO, and the boot config
 * enabling the buses the map relies on.
 */
class PinMapTest {

    /** BCM GPIO to physical pin on the Raspberry Pi 40-pin header. */
    static final Map<Integer, Integer> HEADER = Map.ofEntries(Map.entry(0, 27), Map.entry(1, 28), Map.entry(2, 3),
            Map.entry(3, 5), Map.entry(4, 7), Map.entry(5, 29), Map.entry(6, 31), Map.entry(7, 26), Map.entry(8, 24),
            Map.entry(9, 21), Map.entry(10, 19), Map.entry(11, 23), Map.entry(12, 32), Map.entry(13, 33), Map.entry(14, 8),
            Map.entry(15, 10), Map.entry(16, 36), Map.entry(17, 11), Map.entry(18, 12), Map.entry(19, 35), Map.entry(20, 38),
            Map.entry(21, 40), Map.entry(22, 15), Map.entry(23, 16), Map.entry(24, 18), Map.entry(25, 22), Map.entry(26, 37),
            Map.entry(27, 13));
    static final int MIN_PADS = 4;

    private static String resource(String name) throws IOException {
        try (InputStream in = PinMapTest.class.getResourceAsStream("/firmware/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Properties pinMap() throws IOException {
        Properties map = new Properties();
        map.load(new StringReader(resource("pinmap.properties")));
        return map;
    }

    private static Set<Integer> numbers(String list) {
        Set<Integer> pins = new HashSet<>();
        for (String part : list.split(",")) {
            pins.add(Integer.parseInt(part.strip()));
        }
        return pins;
    }

    /** Every "*.gpio" key: the pins the kiosk claims as inputs or buses. */
    private static Map<String, Integer> usedPins(Properties map) {
        Map<String, Integer> used = new HashMap<>();
        for (String key : map.stringPropertyNames()) {
            if (key.endsWith(".gpio")) {
                used.put(key, Integer.parseInt(map.getProperty(key).strip()));
            }
        }
        return used;
    }

    @Test
    void theMatHasAtLeastFourPadsNumberedWithoutGaps() throws IOException {
        Properties map = pinMap();
        int pads = 0;
        while (map.containsKey("pad." + (pads + 1) + ".gpio")) {
            pads++;
        }
        assertThat(pads).isGreaterThanOrEqualTo(MIN_PADS);
        assertThat(map.stringPropertyNames().stream().filter(k -> k.matches("pad\\.\\d+\\.gpio"))).hasSize(pads);
    }

    @Test
    void noPinIsUsedTwice() throws IOException {
        Map<String, Integer> used = usedPins(pinMap());
        Map<Integer, List<String>> byPin = new HashMap<>();
        used.forEach((key, pin) -> byPin.computeIfAbsent(pin, p -> new ArrayList<>()).add(key));
        assertThat(byPin.values()).allSatisfy(keys -> assertThat(keys).as("keys sharing a pin").hasSize(1));
    }

    @Test
    void noInputSitsOnAPinReservedForABus() throws IOException {
        Properties map = pinMap();
        Set<Integer> reserved = new HashSet<>();
        for (String key : map.stringPropertyNames()) {
            if (key.startsWith("reserved.")) {
                reserved.addAll(numbers(map.getProperty(key)));
            }
        }
        assertThat(reserved).contains(0, 1, 2, 3, 14, 15);
        usedPins(map).forEach((key, pin) -> {
            boolean busPin = key.startsWith("distance.i2c.");
            if (busPin) {
                assertThat(numbers(map.getProperty("reserved.i2c1"))).as(key).contains(pin);
            } else {
                assertThat(reserved).as(key + " = GPIO" + pin).doesNotContain(pin);
            }
        });
    }

    @Test
    void everyHeaderNumberMatchesItsGpioAndEveryGpioIsOnTheHeader() throws IOException {
        Properties map = pinMap();
        usedPins(map).forEach((key, pin) -> {
            assertThat(HEADER).as(key + ": GPIO" + pin + " is on the 40-pin header").containsKey(pin);
            String headerKey = key.substring(0, key.length() - ".gpio".length()) + ".header";
            assertThat(map.getProperty(headerKey)).as(headerKey).isNotNull();
            assertThat(Integer.parseInt(map.getProperty(headerKey).strip())).as(headerKey).isEqualTo(HEADER.get(pin));
        });
    }

    @Test
    void theDistanceSensorIsOnBusOneAtAValidAddress() throws IOException {
        Properties map = pinMap();
        assertThat(map.getProperty("distance.i2c.bus")).isEqualTo("1");
        assertThat(map.getProperty("distance.i2c.sda.gpio")).isEqualTo("2");
        assertThat(map.getProperty("distance.i2c.scl.gpio")).isEqualTo("3");
        int address = Integer.decode(map.getProperty("distance.i2c.address"));
        assertThat(address).as("7-bit addresses outside the reserved ranges").isBetween(0x08, 0x77);
    }

    @Test
    void theBootConfigEnablesI2cUartAndTheCamera() throws IOException {
        List<String> lines = resource("boot/config.txt.fragment").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(lines).contains("dtparam=i2c_arm=on", "enable_uart=1", "camera_auto_detect=1");
        assertThat(lines).allMatch(line -> line.matches("[a-z_]+=[A-Za-z0-9_,=]+"), "key=value lines only");
    }

    @Test
    void theKioskServiceMayOpenGpioI2cAndTheCamera() throws IOException {
        String unit = resource("systemd/smartsenior-kiosk-sim.service");
        String groups = unit.lines().filter(line -> line.startsWith("SupplementaryGroups=")).findFirst().orElseThrow();
        assertThat(groups.substring(groups.indexOf('=') + 1).split(" ")).contains("gpio", "i2c", "video");
    }
}
