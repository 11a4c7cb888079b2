package kr.smartsenior.edge.ui.voice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.smartsenior.edge.ui.voice.KoreanNumbers.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says a line a screen shows, from recorded pieces: the phrases of the voice pack (every prompt and
 * every phrase of segments.tsv, matched longest first against the shown text), numbers read as Korean
 * reads them before their counter ({@link KoreanNumbers}: "14번" is "열네 번", "10.8초" is "십 점 팔 초",
 * "123회" is "백이십삼 회") and counters. Spaces and punctuation of the shown text are pauses, not words.
 * A line with anything the pack has no recording for is not said at all (a half-said line would
 * mislead): the screen still shows it, and the first time is logged.
 */
public final class SpeechComposer {

    private static final Logger log = LoggerFactory.getLogger(SpeechComposer.class);

    /** A counter after a number: its segment and how the number before it is read. */
    record Counter(String id, Reading reading) {
    }

    /** Counters as shown after a number; the number before them is read this way. */
    static final Map<String, Counter> COUNTERS = counters();

    /** Cues, not lines: "1번" is a pad's name (일 번), "하나" a countdown; a count is read from its number. */
    private static final Set<Prompt> CUES = EnumSet.of(Prompt.CUE_PAD_1, Prompt.CUE_PAD_2, Prompt.CUE_PAD_3,
            Prompt.CUE_PAD_4, Prompt.COUNT_1, Prompt.COUNT_2, Prompt.COUNT_3);

    private static final SpeechComposer BUILT_IN = new SpeechComposer();

    /** Normalised shown text → phrase id, longest first. */
    private final List<Map.Entry<String, String>> phrases;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private SpeechComposer() {
        Map<String, String> byText = new LinkedHashMap<>();
        for (Prompt prompt : Prompt.values()) {
            if (!CUES.contains(prompt)) {
                byText.putIfAbsent(normalise(prompt.text()), prompt.key());
            }
        }
        for (Segments.Segment segment : Segments.all()) {
            if (!isNumberOrCounter(segment.id())) {
                byText.putIfAbsent(normalise(segment.shown()), segment.id());
            }
        }
        byText.remove("");
        phrases = byText.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
    }

    /** The composer over the kiosk's voice segments. */
    public static SpeechComposer builtIn() {
        return BUILT_IN;
    }

    /** The shown line as voice-pack phrases, or empty when part of it has no recording. */
    public Optional<Utterance> compose(String shown) {
        String text = normalise(shown);
        List<String> ids = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int next = phrase(text, i, ids);
            if (next < 0) {
                next = number(text, i, ids);
            }
            if (next < 0) {
                if (reported.add(shown)) {
                    log.info("not spoken (no recording for '{}'): {}", text.substring(i), shown);
                }
                return Optional.empty();
            }
            i = next;
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new Utterance(ids, shown.strip()));
    }

    /** The lead prompt, then each line that can be said (lines that cannot are left to the screen). */
    public Utterance lines(Prompt lead, List<String> shownLines) {
        Utterance all = Utterance.of(lead);
        for (String line : shownLines) {
            all = all.then(compose(line).orElse(Utterance.NOTHING));
        }
        return all;
    }

    /** Each line that can be said, one after the other (a page turned: its title, then its lines). */
    public Utterance lines(List<String> shownLines) {
        Utterance all = Utterance.NOTHING;
        for (String line : shownLines) {
            all = all.then(compose(line).orElse(Utterance.NOTHING));
        }
        return all;
    }

    /** Every segment id the composer can ask for: phrases, numbers 0-9999 in both readings, digits, counters. */
    static boolean isNumberOrCounter(String id) {
        return id.startsWith("sino_") || id.startsWith("native_") || id.startsWith("unit_") || id.equals("point")
                || id.equals("minus");
    }

    private int phrase(String text, int at, List<String> ids) {
        for (Map.Entry<String, String> phrase : phrases) {
            if (text.startsWith(phrase.getKey(), at)) {
                ids.add(phrase.getValue());
                return at + phrase.getKey().length();
            }
        }
        return -1;
    }

    /** A number ("14", "10.8", "-5", a range "2-3") and the counter after it, if any. */
    private int number(String text, int at, List<String> ids) {
        int i = at;
        boolean negative = text.charAt(i) == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
        if (negative) {
            i++;
        }
        int end = numberEnd(text, i);
        if (end == i) {
            return -1;
        }
        BigDecimal first = new BigDecimal(text.substring(i, end));
        if (negative) {
            first = first.negate();
        }
        BigDecimal second = null;
        if (end + 1 < text.length() && text.charAt(end) == '-' && Character.isDigit(text.charAt(end + 1))) {
            int secondEnd = numberEnd(text, end + 1);
            second = new BigDecimal(text.substring(end + 1, secondEnd));
            end = secondEnd;
        }
        Counter counter = null;
        for (Map.Entry<String, Counter> c : COUNTERS.entrySet()) { // longest first
            if (text.startsWith(c.getKey(), end)) {
                counter = c.getValue();
                end += c.getKey().length();
                break;
            }
        }
        Reading reading = counter == null ? Reading.SINO : counter.reading();
        try {
            ids.addAll(KoreanNumbers.read(first, reading));
            if (counter != null) {
                ids.add(counter.id());
            }
            if (second != null) { // "2-3번": 두 번에서 세 번
                ids.add("p_eseo");
                ids.addAll(KoreanNumbers.read(second, reading));
                if (counter != null) {
                    ids.add(counter.id());
                }
            }
        } catch (IllegalArgumentException tooLarge) {
            return -1;
        }
        return end;
    }

    private static int numberEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i > from && i + 1 < text.length() && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /**
     * The text without what is not said: spaces and punctuation go, a '.' between digits (a decimal
     * point) and a '-' before a digit (a range or a minus) stay.
     */
    static String normalise(String shown) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean digitAfter = i + 1 < shown.length() && Character.isDigit(shown.charAt(i + 1));
            boolean digitBefore = i > 0 && Character.isDigit(shown.charAt(i - 1));
            if (Character.isLetterOrDigit(c) || c == '%' || c == '→' || c == '&'
                    || (c == '.' && digitBefore && digitAfter) || (c == '-' && digitAfter)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, Counter> counters() {
        Map<String, Counter> counters = new LinkedHashMap<>(); // longest first: 개월 before 일 is not needed, 단계 before 단
        counters.put("개월", new Counter("unit_gaewol", Reading.SINO));
        counters.put("단계", new Counter("unit_dangye", Reading.SINO));
        counters.put("가지", new Counter("unit_gaji", Reading.NATIVE));
        counters.put("세트", new Counter("unit_set", Reading.NATIVE));
        counters.put("동작", new Counter("unit_dongjak", Reading.NATIVE));
        counters.put("걸음", new Counter("unit_georeum", Reading.NATIVE));
        counters.put("시간", new Counter("unit_sigan", Reading.NATIVE));
        counters.put("kg", new Counter("unit_kg", Reading.SINO));
        counters.put("cm", new Counter("unit_cm", Reading.SINO));
        counters.put("번", new Counter("unit_beon", Reading.NATIVE));
        counters.put("회", new Counter("unit_hoe", Reading.SINO));
        counters.put("초", new Counter("unit_cho", Reading.SINO));
        counters.put("분", new Counter("unit_bun", Reading.SINO));
        counters.put("일", new Counter("unit_il", Reading.SINO));
        counters.put("주", new Counter("unit_ju", Reading.SINO));
        counters.put("년", new Counter("unit_nyeon", Reading.SINO));
        counters.put("%", new Counter("unit_percent", Reading.SINO));
        counters.put("m", new Counter("unit_m", Reading.SINO));
        return java.util.Collections.unmodifiableMap(counters);
    }
}
