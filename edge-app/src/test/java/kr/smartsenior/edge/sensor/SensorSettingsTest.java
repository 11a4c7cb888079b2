package kr.smartsenior.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorSettingsTest {

    @Test
    void defaultsAreRealTimeAndTheReferenceLayout() {
        SensorSettings settings = SensorSettings.fromEnvironment(Map.of());
        assertThat(settings.simSpeed()).isEqualTo(1);
        assertThat(settings.calibration()).isEqualTo(SiteCalibration.REFERENCE);
        assertThat(settings.pinMap()).isEmpty();
        assertThat(settings.absenceToPause()).isEqualTo(java.time.Duration.ofSeconds(3));
    }

    /** Issue #14: how long out of the beam is someone who left (a test pauses) is a setting. */
    @Test
    void readsTheAbsenceThatPausesATest() {
        assertThat(SensorSettings.fromEnvironment(Map.of(SensorSettings.ENV_ABSENCE_PAUSE_S, "5")).absenceToPause())
                .isEqualTo(java.time.Duration.ofSeconds(5));
        assertThatThrownBy(() -> SensorSettings.fromEnvironment(Map.of(SensorSettings.ENV_ABSENCE_PAUSE_S, "0")))
                .hasMessageContaining(SensorSettings.ENV_ABSENCE_PAUSE_S);
        assertThatThrownBy(() -> SensorSettings.fromEnvironment(Map.of(SensorSettings.ENV_ABSENCE_PAUSE_S, "soon")))
                .hasMessageContaining(SensorSettings.ENV_ABSENCE_PAUSE_S);
    }

    @Test
    void variablesOverrideTheDefaults() {
        SensorSettings settings = SensorSettings.fromEnvironment(Map.of("SSC_SIM_SPEED", "20", "SSC_CAL_SEATED_MM", "2400",
                "SSC_CAL_STANDING_MM", "2150", "SSC_CAL_EMPTY_MM", "3100", "SSC_PIN_MAP", "/etc/smartsenior/pinmap.properties"));
        assertThat(settings.simSpeed()).isEqualTo(20);
        assertThat(settings.calibration()).isEqualTo(new SiteCalibration(2400, 2150, 3100));
        assertThat(settings.pinMap()).contains(Path.of("/etc/smartsenior/pinmap.properties"));
    }

    @Test
    void unusableValuesNameTheirVariable() {
        assertThatThrownBy(() -> SensorSettings.fromEnvironment(Map.of("SSC_SIM_SPEED", "fast"))).hasMessageContaining("SSC_SIM_SPEED");
        assertThatThrownBy(() -> SensorSettings.fromEnvironment(Map.of("SSC_SIM_SPEED", "0"))).hasMessageContaining("SSC_SIM_SPEED");
        assertThatThrownBy(() -> SensorSettings.fromEnvironment(Map.of("SSC_CAL_SEATED_MM", "3.7m")))
                .hasMessageContaining("SSC_CAL_SEATED_MM");
        assertThatThrownBy(() -> SensorSettings.fromEnvironment(Map.of("SSC_CAL_STANDING_MM", "3690")))
                .hasMessageContaining("SSC_CAL_");
    }
}
