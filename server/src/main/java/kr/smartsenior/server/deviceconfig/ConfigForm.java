package kr.smartsenior.server.deviceconfig;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.smartsenior.protocol.DeviceSettings;

/**
 * The configuration page's form: one box per setting of {@link DeviceSettings} for the site, and the same
 * boxes per kiosk (empty: the site's value, or the kiosk's default). Reads what was typed into typed values
 * with a Korean message per box, and merges site and kiosk as {@link RemoteConfiguration#desired} does, for
 * the preview. Pure: no database, no broker.
 */
final class ConfigForm {

    /**
     * A setting as the form shows it: its key, Korean label, box kind, the rule said on error, and a note on
     * what the kiosk does with it (null: none).
     */
    record Field(String key, String label, String kind, String min, String max, String step, Map<String, String> choices,
            String rule, String note) {
    }

    /** The kiosk's own limits on what it applies (decision 0042), said on the page and in the preview. */
    private static final String TEXT_SCALE_KIOSK_MAX = new BigDecimal(Double.toString(DeviceSettings.TEXT_SCALE_KIOSK_MAX))
            .stripTrailingZeros().toPlainString();

    /** The settings of the catalogue, in the order of the form. */
    static final List<Field> FIELDS = List.of(
            new Field(DeviceSettings.UPLOADS_PAUSED.key(), "기록 보내기 멈춤", "choice", null, null, null,
                    choices("true", "멈춤", "false", "보냄"), "기록 보내기는 ‘멈춤’ 또는 ‘보냄’으로 골라 주세요", null),
            new Field(DeviceSettings.VOLUME.key(), "소리 크기 (%)", "number", "0", "100", "1", Map.of(),
                    "소리 크기는 0~100 사이 정수로 적어 주세요",
                    "글을 읽기 어려운 어르신도 안내를 듣도록 키오스크는 " + DeviceSettings.VOLUME_KIOSK_MIN
                            + "보다 작게 하지 않습니다"),
            new Field(DeviceSettings.TEXT_SCALE.key(), "글자 크기 배율", "number", "1", "2", "0.1", Map.of(),
                    "글자 크기 배율은 1.0~2.0 사이 숫자로 적어 주세요 (예: 1.2)",
                    "긴 화면도 한 화면에 들어가도록 키오스크는 " + TEXT_SCALE_KIOSK_MAX
                            + "배까지 키웁니다 (운동 화면과 결과 요약은 이미 꽉 차서 그대로)"),
            new Field(DeviceSettings.IDLE_TIMEOUT_SECONDS.key(), "처음 화면으로 돌아가는 시간 (초)", "number", "15", "600", "1",
                    Map.of(), "처음 화면으로 돌아가는 시간은 15~600초 사이 정수로 적어 주세요", null),
            new Field(DeviceSettings.LANGUAGE.key(), "언어", "choice", null, null, null, choices("ko", "한국어"),
                    "언어는 한국어로 골라 주세요 (키오스크에 영어 화면과 음성이 아직 없습니다)",
                    "키오스크에 영어 화면과 음성이 아직 없어 한국어만 고를 수 있습니다"));

    private ConfigForm() {
    }

    /** What the form holds: the boxes as typed, per scope ({@code site} or a device id), and the errors by box name. */
    record Typed(Map<String, String> site, Map<String, Map<String, String>> devices) {
    }

    /** The parsed form: settings per scope, errors by box name ({@code site.volume}, {@code device.kiosk-01.volume}). */
    record Parsed(Map<String, Object> site, Map<String, Map<String, Object>> devices, Map<String, String> errors) {
    }

    static String boxName(String deviceId, String key) {
        return deviceId == null ? "site." + key : "device." + deviceId + "." + key;
    }

    /** Reads the posted boxes of the site and of these devices. */
    static Typed typed(Map<String, String> params, List<String> deviceIds) {
        Map<String, String> site = new LinkedHashMap<>();
        FIELDS.forEach(f -> site.put(f.key(), params.getOrDefault(boxName(null, f.key()), "").strip()));
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        for (String id : deviceIds) {
            Map<String, String> own = new LinkedHashMap<>();
            FIELDS.forEach(f -> own.put(f.key(), params.getOrDefault(boxName(id, f.key()), "").strip()));
            devices.put(id, own);
        }
        return new Typed(site, devices);
    }

    /** The boxes showing stored settings. */
    static Typed typed(Map<String, Object> site, Map<String, Map<String, Object>> devices) {
        Map<String, Map<String, String>> shown = new LinkedHashMap<>();
        devices.forEach((id, settings) -> shown.put(id, text(settings)));
        return new Typed(text(site), shown);
    }

    private static Map<String, String> text(Map<String, Object> settings) {
        Map<String, String> text = new LinkedHashMap<>();
        FIELDS.forEach(f -> {
            Object value = settings == null ? null : settings.get(f.key());
            text.put(f.key(), value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        });
        return text;
    }

    static Parsed parse(Typed typed) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> site = settings(typed.site(), null, errors);
        Map<String, Map<String, Object>> devices = new LinkedHashMap<>();
        typed.devices().forEach((id, boxes) -> devices.put(id, settings(boxes, id, errors)));
        return new Parsed(site, devices, errors);
    }

    private static Map<String, Object> settings(Map<String, String> boxes, String deviceId, Map<String, String> errors) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            String text = boxes.getOrDefault(field.key(), "");
            if (text.isEmpty()) {
                continue;
            }
            Object value = value(field, text);
            if (value == null || DeviceSettings.problem(Map.of(field.key(), value)).isPresent()) {
                errors.put(boxName(deviceId, field.key()), (deviceId == null ? "" : deviceId + ": ") + field.rule());
            } else {
                settings.put(field.key(), value);
            }
        }
        return settings;
    }

    /** The typed value of a box, or null when it cannot be one. */
    static Object value(Field field, String text) {
        if (field.kind().equals("choice")) {
            if (!field.choices().containsKey(text)) {
                return null;
            }
            return text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : text;
        }
        try {
            BigDecimal number = new BigDecimal(text.replace(',', '.'));
            if ("1".equals(field.step())) {
                return number.stripTrailingZeros().scale() > 0 ? null : number.intValueExact();
            }
            return number.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** One setting of what a kiosk will run: its value as said on the page and where it comes from. */
    record Cell(String text, String source, boolean changed) {
    }

    /** What one kiosk will run after the push. */
    record Preview(String deviceId, List<Cell> cells, Map<String, Object> settings, boolean changed) {
    }

    /** Each kiosk's merged settings after the push (site's, then its own on top), against what it should run now. */
    static List<Preview> preview(Parsed parsed, Map<String, Map<String, Object>> runningNow) {
        List<Preview> previews = new ArrayList<>();
        parsed.devices().forEach((id, own) -> {
            Map<String, Object> merged = new LinkedHashMap<>(parsed.site());
            merged.putAll(own);
            Map<String, Object> now = runningNow.getOrDefault(id, Map.of());
            List<Cell> cells = new ArrayList<>();
            for (Field field : FIELDS) {
                Object value = merged.get(field.key());
                String source = own.containsKey(field.key()) ? "이 기기" : parsed.site().containsKey(field.key()) ? "경로당" : "";
                cells.add(new Cell(value == null ? "키오스크 기본값" : shown(field, value), source,
                        !same(value, now.get(field.key()))));
            }
            previews.add(new Preview(id, cells, merged, cells.stream().anyMatch(Cell::changed)));
        });
        return previews;
    }

    /** Whether two settings maps say the same (numbers by value: 80 and 80.0 are the same). */
    static boolean sameSettings(Map<String, Object> a, Map<String, Object> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(key -> same(a.get(key), b.get(key)));
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    static String shown(Field field, Object value) {
        if (field.kind().equals("choice")) {
            return field.choices().getOrDefault(value.toString(), value.toString());
        }
        if (value instanceof Number number && field.key().equals(DeviceSettings.VOLUME.key())
                && number.doubleValue() < DeviceSettings.VOLUME_KIOSK_MIN) {
            return value + " (키오스크는 " + DeviceSettings.VOLUME_KIOSK_MIN + ")";
        }
        if (value instanceof Number number && field.key().equals(DeviceSettings.TEXT_SCALE.key())
                && number.doubleValue() > DeviceSettings.TEXT_SCALE_KIOSK_MAX) {
            return value + " (키오스크는 " + TEXT_SCALE_KIOSK_MAX + ")";
        }
        return value.toString();
    }

    /** A fingerprint of the typed boxes: a push must carry the one of the preview it follows. */
    static String fingerprint(Typed typed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((typed.site() + "|" + typed.devices()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> choices(String... keysAndNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            map.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return map;
    }
}
