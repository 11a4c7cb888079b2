package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import kr.smartsenior.edge.ui.views.TextScale;
import kr.smartsenior.protocol.DeviceSettings;
import org.junit.jupiter.api.Test;

/** The admin's remote settings laid over the kiosk's own (decision 0042). */
class RemoteSettingsTest {

    private final UiSettings local = UiSettings.fromEnvironment(Map.of(UiSettings.ENV_VOICE_VOLUME, "0.6",
            UiSettings.ENV_IDLE_TIMEOUT_S, "120"));

    @Test
    void eachRemoteSettingReplacesTheKiosksOwn() {
        RemoteSettings applied = RemoteSettings.of(Map.of("volume", 80, "textScale", 1.1, "idleTimeoutSeconds", 45,
                "language", "ko", "uploadsPaused", true), local);
        assertThat(applied.voiceVolume()).isEqualTo(0.8);
        assertThat(applied.textScale()).isEqualTo(1.1);
        assertThat(applied.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void settingsLeftOutFallBackToTheKiosksOwn() {
        RemoteSettings applied = RemoteSettings.of(Map.of(), local);
        assertThat(applied.voiceVolume()).isEqualTo(0.6);
        assertThat(applied.textScale()).isEqualTo(TextScale.DEFAULT);
        assertThat(applied.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    /** 0 must not make the kiosk silent for a senior who cannot read well; the largest text is what fits. */
    @Test
    void theVolumeIsFlooredAndTheTextScaleCapped() {
        assertThat(RemoteSettings.of(Map.of("volume", 0), local).voiceVolume())
                .isEqualTo(DeviceSettings.VOLUME_KIOSK_MIN / 100.0).isEqualTo(0.3);
        assertThat(RemoteSettings.of(Map.of("volume", 100), local).voiceVolume()).isEqualTo(1.0);
        assertThat(RemoteSettings.of(Map.of("textScale", 2.0), local).textScale()).isEqualTo(TextScale.MAX);
        assertThat(RemoteSettings.of(Map.of("textScale", 1), local).textScale()).isEqualTo(1.0);
        assertThat(TextScale.MAX).isGreaterThan(TextScale.DEFAULT).isLessThanOrEqualTo(2.0);
    }

    /** Numbers come off the wire as Integer, Long, Double or BigDecimal. */
    @Test
    void anyKindOfNumberIsRead() {
        RemoteSettings applied = RemoteSettings.of(Map.of("volume", 55L, "textScale", new java.math.BigDecimal("1.15"),
                "idleTimeoutSeconds", 60.0), local);
        assertThat(applied.voiceVolume()).isEqualTo(0.55);
        assertThat(applied.textScale()).isEqualTo(1.15);
        assertThat(applied.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
