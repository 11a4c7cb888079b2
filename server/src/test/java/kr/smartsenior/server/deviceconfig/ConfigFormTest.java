package kr.smartsenior.server.deviceconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFormTest {

    private static ConfigForm.Typed typed(Map<String, String> params, String... devices) {
        return ConfigForm.typed(params, List.of(devices));
    }

    @Test
    void emptyBoxesFollowAndFilledOnesAreTypedValues() {
        ConfigForm.Parsed parsed = ConfigForm.parse(typed(Map.of("site.volume", " 80 ", "site.uploadsPaused", "true",
                "site.textScale", "1,5", "device.k1.language", "ko", "device.k1.idleTimeoutSeconds", "120"), "k1", "k2"));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.site()).containsExactlyInAnyOrderEntriesOf(Map.of("volume", 80, "uploadsPaused", true, "textScale", 1.5));
        assertThat(parsed.devices().get("k1")).containsExactlyInAnyOrderEntriesOf(Map.of("language", "ko", "idleTimeoutSeconds", 120));
        assertThat(parsed.devices().get("k2")).isEmpty();
    }

    @Test
    void eachWrongBoxGetsItsOwnKoreanMessageWithTheRange() {
        Map<String, String> params = new HashMap<>();
        params.put("site.volume", "101");
        params.put("site.textScale", "2.5");
        params.put("site.language", "fr");
        params.put("device.k1.idleTimeoutSeconds", "10");
        params.put("device.k1.volume", "50.5");
        params.put("device.k1.uploadsPaused", "yes");
        ConfigForm.Parsed parsed = ConfigForm.parse(typed(params, "k1"));
        assertThat(parsed.errors()).containsOnlyKeys("site.volume", "site.textScale", "site.language",
                "device.k1.idleTimeoutSeconds", "device.k1.volume", "device.k1.uploadsPaused");
        assertThat(parsed.errors().get("site.volume")).isEqualTo("소리 크기는 0~100 사이 정수로 적어 주세요");
        assertThat(parsed.errors().get("device.k1.idleTimeoutSeconds")).startsWith("k1: ").contains("15~600초");
        assertThat(parsed.site()).isEmpty();
    }

    /** Decision 0042: the kiosk has no English screens or voice, so the page refuses English instead of the kiosk ignoring it. */
    @Test
    void englishIsRefusedOnThePageWithTheReason() {
        ConfigForm.Parsed parsed = ConfigForm.parse(typed(Map.of("site.language", "en", "device.k1.language", "en"), "k1"));
        assertThat(parsed.errors()).containsOnlyKeys("site.language", "device.k1.language");
        assertThat(parsed.errors().get("site.language")).contains("영어 화면과 음성이 아직 없습니다");
        ConfigForm.Field language = ConfigForm.FIELDS.stream().filter(f -> f.key().equals("language")).findFirst().orElseThrow();
        assertThat(language.choices()).containsOnlyKeys("ko");
    }

    /** What the kiosk does with a volume under its floor and a text scale over its cap is said, not hidden (decision 0042). */
    @Test
    void thePageSaysTheKiosksFloorOfVolumeAndCapOfTextScale() {
        ConfigForm.Field volume = ConfigForm.FIELDS.stream().filter(f -> f.key().equals("volume")).findFirst().orElseThrow();
        ConfigForm.Field textScale = ConfigForm.FIELDS.stream().filter(f -> f.key().equals("textScale")).findFirst().orElseThrow();
        assertThat(volume.note()).contains("30보다 작게 하지 않습니다");
        assertThat(textScale.note()).contains("1.15배까지");
        assertThat(ConfigForm.shown(volume, 0)).isEqualTo("0 (키오스크는 30)");
        assertThat(ConfigForm.shown(volume, 30)).isEqualTo("30");
        assertThat(ConfigForm.shown(textScale, 2.0)).isEqualTo("2.0 (키오스크는 1.15)");
        assertThat(ConfigForm.shown(textScale, 1.1)).isEqualTo("1.1");
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        ConfigForm.Parsed parsed = ConfigForm.parse(typed(Map.of("site.volume", "0", "site.textScale", "2",
                "site.idleTimeoutSeconds", "600", "device.k1.volume", "100", "device.k1.idleTimeoutSeconds", "15"), "k1"));
        assertThat(parsed.errors()).isEmpty();
    }

    @Test
    void thePreviewMergesTheKiosksOwnOverTheSitesAndSaysWhereEachValueComesFrom() {
        ConfigForm.Parsed parsed = ConfigForm.parse(typed(Map.of("site.volume", "80", "site.uploadsPaused", "false",
                "device.k1.volume", "40"), "k1", "k2"));
        List<ConfigForm.Preview> previews = ConfigForm.preview(parsed,
                Map.of("k1", Map.of("volume", 40, "uploadsPaused", false), "k2", Map.of("volume", 70.0)));
        ConfigForm.Preview k1 = previews.get(0);
        ConfigForm.Preview k2 = previews.get(1);
        assertThat(k1.settings()).containsExactlyInAnyOrderEntriesOf(Map.of("volume", 40, "uploadsPaused", false));
        assertThat(k1.changed()).as("40 and paused=false is what k1 runs now").isFalse();
        assertThat(k2.settings()).containsExactlyInAnyOrderEntriesOf(Map.of("volume", 80, "uploadsPaused", false));
        assertThat(k2.changed()).isTrue();
        int volume = indexOf("volume");
        assertThat(k1.cells().get(volume)).isEqualTo(new ConfigForm.Cell("40", "이 기기", false));
        assertThat(k2.cells().get(volume)).isEqualTo(new ConfigForm.Cell("80", "경로당", true));
        assertThat(k2.cells().get(indexOf("language"))).isEqualTo(new ConfigForm.Cell("키오스크 기본값", "", false));
        assertThat(k2.cells().get(indexOf("uploadsPaused")).text()).isEqualTo("보냄");
    }

    @Test
    void settingsCompareNumbersByValue() {
        assertThat(ConfigForm.sameSettings(Map.of("volume", 80), Map.of("volume", 80.0))).isTrue();
        assertThat(ConfigForm.sameSettings(Map.of("volume", 80), Map.of("volume", 81))).isFalse();
        assertThat(ConfigForm.sameSettings(Map.of(), Map.of("volume", 80))).isFalse();
    }

    @Test
    void theFingerprintChangesWithAnyBox() {
        String before = ConfigForm.fingerprint(typed(Map.of("site.volume", "80"), "k1"));
        assertThat(ConfigForm.fingerprint(typed(Map.of("site.volume", "80 "), "k1"))).as("spaces are not a change").isEqualTo(before);
        assertThat(ConfigForm.fingerprint(typed(Map.of("site.volume", "81"), "k1"))).isNotEqualTo(before);
        assertThat(ConfigForm.fingerprint(typed(Map.of("site.volume", "80", "device.k1.volume", "10"), "k1"))).isNotEqualTo(before);
    }

    @Test
    void storedSettingsFillTheBoxes() {
        ConfigForm.Typed shown = ConfigForm.typed(Map.of("volume", 80, "textScale", 1.2), Map.of("k1", Map.of("uploadsPaused", true)));
        assertThat(shown.site()).containsEntry("volume", "80").containsEntry("textScale", "1.2").containsEntry("language", "");
        assertThat(shown.devices().get("k1")).containsEntry("uploadsPaused", "true");
    }

    private static int indexOf(String key) {
        for (int i = 0; i < ConfigForm.FIELDS.size(); i++) {
            if (ConfigForm.FIELDS.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
