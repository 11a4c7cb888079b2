package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinMapTest {

    @TempDir
    Path dir;

    @Test
    void theKioskReadsTheReferenceMapFromFirmwareConfig() {
        PinMap map = PinMap.reference();
        assertThat(map.revision()).isEqualTo("rev-a");
        assertThat(map.padPins()).containsExactly(17, 27, 22, 23);
        assertThat(map.distanceBus()).isEqualTo(1);
        assertThat(map.distanceAddress()).isEqualTo(0x10);
    }

    @Test
    void anotherRevisionComesFromAFile() throws Exception {
        Path file = dir.resolve("pinmap.properties");
        Files.writeString(file, "hardware.revision=b\npad.1.gpio=5\npad.2.gpio=6\npad.3.gpio=13\npad.4.gpio=19\npad.5.gpio=26\n"
                + "distance.i2c.bus=3\ndistance.i2c.address=0x11\n");
        PinMap map = PinMap.load(file);
        assertThat(map.padPins()).containsExactly(5, 6, 13, 19, 26);
        assertThat(map.distanceBus()).isEqualTo(3);
        assertThat(map.distanceAddress()).isEqualTo(0x11);
    }

    @Test
    void aMapThatCannotWorkIsRefusedWithTheReason() {
        assertThatThrownBy(() -> PinMap.parse(new StringReader("pad.1.gpio=5\ndistance.i2c.bus=1\ndistance.i2c.address=16")))
                .hasMessageContaining("at least 4 pads");
        assertThatThrownBy(() -> PinMap.parse(new StringReader(
                "pad.1.gpio=5\npad.2.gpio=6\npad.3.gpio=x\npad.4.gpio=19\ndistance.i2c.bus=1\ndistance.i2c.address=16")))
                .hasMessageContaining("pad.3.gpio");
        assertThatThrownBy(() -> PinMap.load(dir.resolve("missing.properties"))).isInstanceOf(SensorException.class);
    }

    @Test
    void theProvisionedRevisionChoosesTheShippedMapAndAFileOverridesIt() throws Exception {
        assertThat(PinMap.select(Optional.empty(), Optional.empty())).isEqualTo(PinMap.reference());
        assertThat(PinMap.select(Optional.empty(), Optional.of("rev-a"))).isEqualTo(PinMap.reference());
        assertThatThrownBy(() -> PinMap.select(Optional.empty(), Optional.of("rev-z")))
                .isInstanceOf(SensorException.class).hasMessageContaining("rev-z").hasMessageContaining("SSC_PIN_MAP");
        Path file = dir.resolve("pinmap.properties");
        Files.writeString(file, "hardware.revision=rev-z\npad.1.gpio=5\npad.2.gpio=6\npad.3.gpio=13\npad.4.gpio=19\n"
                + "distance.i2c.bus=3\ndistance.i2c.address=0x11\n");
        assertThat(PinMap.select(Optional.of(file), Optional.of("rev-z")).padPins()).containsExactly(5, 6, 13, 19);
    }
}
