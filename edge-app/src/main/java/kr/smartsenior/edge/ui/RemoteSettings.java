package kr.smartsenior.edge.ui;

import java.time.Duration;
import java.util.Map;
import kr.smartsenior.edge.ui.views.TextScale;
import kr.smartsenior.protocol.DeviceSettings;

/**
 * What the screens run with once the admin's remote settings ({@link DeviceSettings}, already checked by
 * the kiosk's {@code RemoteConfig}) are laid over the kiosk's own {@link UiSettings}: a setting the admin
 * left out (or cleared) falls back to the kiosk's value. The volume is floored at
 * {@link DeviceSettings#VOLUME_KIOSK_MIN} and the text scale capped at {@link TextScale#MAX}
 * (decision 0042). {@code language} needs nothing: {@code ko} is the only one the catalogue allows.
 *
 * @param idleTimeout no input for this long asks "계속하시겠어요?"
 * @param voiceVolume 0 to 1
 * @param textScale   {@link TextScale#DEFAULT} to {@link TextScale#MAX}
 */
record RemoteSettings(Duration idleTimeout, double voiceVolume, double textScale) {

    static RemoteSettings of(Map<String, Object> remote, UiSettings local) {
        Duration idle = number(remote, DeviceSettings.IDLE_TIMEOUT_SECONDS)
                .map(seconds -> Duration.ofSeconds(seconds.longValue())).orElse(local.idleTimeout());
        double volume = number(remote, DeviceSettings.VOLUME)
                .map(percent -> Math.max(percent.doubleValue(), DeviceSettings.VOLUME_KIOSK_MIN) / 100.0)
                .map(v -> Math.min(v, 1.0))
                .orElse(local.voiceVolume());
        double scale = number(remote, DeviceSettings.TEXT_SCALE).map(s -> TextScale.applied(s.doubleValue()))
                .orElse(TextScale.DEFAULT);
        return new RemoteSettings(idle, volume, scale);
    }

    private static java.util.Optional<Number> number(Map<String, Object> remote, DeviceSettings setting) {
        return remote.get(setting.key()) instanceof Number n ? java.util.Optional.of(n) : java.util.Optional.empty();
    }
}
