package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UiSettingsTest {

    @Test
    void unsetVariablesKeepTheDefaults() {
        assertThat(UiSettings.fromEnvironment(Map.of())).isEqualTo(UiSettings.defaults());
    }

    @Test
    void readsTimeoutsVoiceAndWindow() {
        UiSettings settings = UiSettings.fromEnvironment(Map.of(UiSettings.ENV_IDLE_TIMEOUT_S, "45",
                UiSettings.ENV_ANSWER_TIMEOUT_S, "10", UiSettings.ENV_VOICE_DIR, "/srv/voice",
                UiSettings.ENV_VOICE_VOLUME, "0.7", UiSettings.ENV_VOICE_RATE, "0.9", UiSettings.ENV_WINDOWED, "1"));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.answerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.voiceDir()).isEqualTo(Optional.of(Path.of("/srv/voice")));
        assertThat(settings.voiceVolume()).isEqualTo(0.7);
        assertThat(settings.voiceRate()).isEqualTo(0.9);
        assertThat(settings.windowed()).isTrue();
    }

    /** Issue #14: how long a senior may be away before the visit ends is a setting, and by default within 15 s of leaving. */
    @Test
    void readsTheAbsenceAfterWhichTheVisitEnds() {
        assertThat(UiSettings.defaults().absenceToEnd().plusSeconds(3)).isLessThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(UiSettings.fromEnvironment(Map.of(UiSettings.ENV_ABSENCE_END_S, "8")).absenceToEnd())
                .isEqualTo(Duration.ofSeconds(8));
        assertThatThrownBy(() -> UiSettings.fromEnvironment(Map.of(UiSettings.ENV_ABSENCE_END_S, "0")))
                .hasMessageContaining(UiSettings.ENV_ABSENCE_END_S);
    }

    @Test
    void namesTheVariableThatIsWrong() {
        assertThatThrownBy(() -> UiSettings.fromEnvironment(Map.of(UiSettings.ENV_IDLE_TIMEOUT_S, "soon")))
                .hasMessageContaining(UiSettings.ENV_IDLE_TIMEOUT_S);
        assertThatThrownBy(() -> UiSettings.fromEnvironment(Map.of(UiSettings.ENV_VOICE_VOLUME, "3")))
                .hasMessageContaining(UiSettings.ENV_VOICE_VOLUME);
        assertThatThrownBy(() -> UiSettings.fromEnvironment(Map.of(UiSettings.ENV_VOICE_RATE, "4")))
                .hasMessageContaining(UiSettings.ENV_VOICE_RATE);
    }
}
