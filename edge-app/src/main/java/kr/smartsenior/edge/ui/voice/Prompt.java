package kr.smartsenior.edge.ui.voice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every sentence the kiosk speaks. The sentence itself is in {@code voice/prompts.tsv} (one source for
 * the screen text, the default recordings and {@code scripts/make-voice-prompts.sh}); each prompt has a
 * recording {@code <file name>.wav} beside it, which a site may replace (see {@link PromptSource}).
 */
public enum Prompt {
    IDLE_INVITE, GREETING, HOME, SAFETY_ASK, REST_TODAY,
    CHAIR_STAND_INTRO, CHAIR_STAND_PRACTICE, STEP_IN_PLACE_INTRO, UP_AND_GO_INTRO, ONE_LEG_HANDS_ASK, ONE_LEG_SAFETY, ONE_LEG_INTRO, ONE_LEG_INTRO_CHAIR,
    TEST_INTRO, TEST_PRACTICE, TEST_SAFETY,
    COUNT_3, COUNT_2, COUNT_1, GO,
    RESULT_GOOD, RESULT_FAIR, RESULT_LOW, RESULT_UNRATED, RETRY,
    SUMMARY, RECORDS, STILL_THERE, GOODBYE,
    EXERCISE_CHOOSE, EXERCISE_NONE, EXERCISE_MAT_OUT, STEP_JUMP_INTRO, BALANCE_INTRO, INTERVAL_INTRO, EXERCISE_SAFETY,
    WARM_UP, EXERCISE_GO, WORK, REST, COOL_DOWN, EXERCISE_PAUSED, EXERCISE_RESUMING, EXERCISE_STOP_ASK, EXERCISE_SYMPTOM, EXERCISE_DONE,
    EXERCISE_STOPPED, HARDER, EASIER,
    CUE_PAD_1, CUE_PAD_2, CUE_PAD_3, CUE_PAD_4, CUE_JUMP, CUE_STAY,
    TASK_BOTH_FEET, TASK_LEAN, TASK_LEFT_LEG, TASK_RIGHT_LEG, TASK_STAGGERED,
    HOME_REST_TODAY, REST_TODAY_UNWELL, EXERCISE_REST_TODAY, EFFORT_ASK, HAND_REFERENCE, STAFF_MENU,
    CARD_UNKNOWN, CARD_REVOKED, CARD_NOT_MEMBER, SENSOR_FAILURE, SAVE_FAILURE, UNEXPECTED;

    /** Where the sentences and default recordings are, on the classpath. */
    static final String RESOURCE_DIR = "/kr/smartsenior/edge/ui/voice/";
    static final String SENTENCES = RESOURCE_DIR + "prompts.tsv";

    /** The name in prompts.tsv and of the recording without {@code .wav}, e.g. {@code idle_invite}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String fileName() {
        return key() + ".wav";
    }

    /** The sentence, as shown and spoken. */
    public String text() {
        return Sentences.BY_KEY.get(key());
    }

    /** The countdown prompt for 3, 2, 1. */
    public static Prompt count(int secondsLeft) {
        return switch (secondsLeft) {
            case 3 -> COUNT_3;
            case 2 -> COUNT_2;
            case 1 -> COUNT_1;
            default -> throw new IllegalArgumentException("no prompt for " + secondsLeft);
        };
    }

    /** The spoken cue for a target pad (1 to 4). */
    public static Prompt pad(int pad) {
        return switch (pad) {
            case 1 -> CUE_PAD_1;
            case 2 -> CUE_PAD_2;
            case 3 -> CUE_PAD_3;
            case 4 -> CUE_PAD_4;
            default -> throw new IllegalArgumentException("no prompt for pad " + pad);
        };
    }

    /** Reads prompts.tsv once; a missing sentence stops the kiosk at start, not in front of a senior. */
    private static final class Sentences {
        static final Map<String, String> BY_KEY = load();

        private static Map<String, String> load() {
            Map<String, String> sentences = new HashMap<>();
            try (InputStream in = Prompt.class.getResourceAsStream(SENTENCES)) {
                if (in == null) {
                    throw new IllegalStateException(SENTENCES + " is missing from the kiosk jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab < 1) {
                        throw new IllegalStateException(SENTENCES + ": no tab in '" + line + "'");
                    }
                    sentences.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Prompt prompt : Prompt.values()) {
                if (!sentences.containsKey(prompt.key())) {
                    throw new IllegalStateException(SENTENCES + " has no sentence for " + prompt.key());
                }
            }
            return Map.copyOf(sentences);
        }
    }
}
