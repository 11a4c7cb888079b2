package kr.smartsenior.server.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rollout waves the district plans (docs/operations.md, "A wave"): wave 1 brings 9 centers, wave 2
 * six more (15), wave 3 six more (21). The {@code site.rollout_wave} column takes 1 to 99, so a later
 * stage can add waves; the pages offer the planned three and keep any other a site already has.
 */
final class Waves {

    static final int MIN = 1;
    static final int MAX = 99;
    /** The planned waves and how many centers the district has after each. */
    static final Map<Integer, Integer> PLANNED_TOTALS = Map.of(1, 9, 2, 15, 3, 21);

    private Waves() {
    }

    /** The choices of a wave select: "" (not planned), the planned waves, and {@code current} if it is another. */
    static Map<String, String> choices(Integer current) {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("", "미정");
        for (int wave = 1; wave <= 3; wave++) {
            choices.put(Integer.toString(wave), label(wave));
        }
        if (current != null && !PLANNED_TOTALS.containsKey(current)) {
            choices.put(current.toString(), current + "차");
        }
        return choices;
    }

    static String label(Integer wave) {
        if (wave == null) {
            return "미정";
        }
        Integer total = PLANNED_TOTALS.get(wave);
        return total == null ? wave + "차" : wave + "차 (누적 " + total + "곳)";
    }

    /**
     * Reads a wave as chosen: empty is "not planned" (null).
     *
     * @throws IllegalArgumentException when the text is no wave from {@link #MIN} to {@link #MAX}
     */
    static Integer parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        int wave;
        try {
            wave = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROBLEM);
        }
        if (wave < MIN || wave > MAX) {
            throw new IllegalArgumentException(PROBLEM);
        }
        return wave;
    }

    static final String PROBLEM = "보급 차수는 미정 또는 1~" + MAX + " 사이 숫자로 골라 주세요";
}
