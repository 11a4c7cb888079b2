package kr.smartsenior.edge.identify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A USB 2D scanner that types like a keyboard: it "types" the QR code's text and presses Enter.
 *
 * <p>Two ways in: key by key ({@link #key}, for the screen's key events), where a scan is what
 * arrives quickly before Enter or Tab (a person typing is far slower, and is ignored); or line by line
 * from a stream ({@link #readLines}, for a headless kiosk reading the scanner's tty or standard input).
 *
 * <p>On a Korean keyboard layout left in 한글 mode the scanner's letters arrive as Hangul (the IME
 * composes them into syllables); {@link #normalize} turns them back into the keys that were pressed
 * (2-beolsik layout), so such a scan still reads.
 */
public final class KeyboardWedge {

    /** Scanners type a whole code within a few tens of milliseconds; keys further apart start a new scan. */
    public static final long MAX_KEY_GAP_NANOS = 80_000_000L;
    /** Longer input is not a card (or a stuck key) and is dropped. */
    public static final int MAX_LENGTH = 512;

    private static final Logger log = LoggerFactory.getLogger(KeyboardWedge.class);

    private final StringBuilder typed = new StringBuilder();
    private long lastKeyNanos;

    /**
     * One key from the screen's key events.
     *
     * @return the scanned text when this key ends a scan (Enter or Tab), else null
     */
    public String key(char c, long nanos) {
        if (typed.length() > 0 && nanos - lastKeyNanos > MAX_KEY_GAP_NANOS) {
            typed.setLength(0); // too slow to be a scanner: a person's key presses, or a pause
        }
        lastKeyNanos = nanos;
        if (c == '\n' || c == '\r' || c == '\t') {
            String scan = typed.toString();
            typed.setLength(0);
            return scan.isEmpty() ? null : normalize(scan);
        }
        if (typed.length() < MAX_LENGTH) {
            typed.append(c);
        }
        return null;
    }

    /**
     * Reads scans line by line until the stream ends, handing each (normalized, non-empty) to the
     * consumer. Blocks: run it on a thread of its own.
     */
    public static void readLines(InputStream in, Consumer<String> scans) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.length() > MAX_LENGTH) {
                    log.warn("ignored a scanner line of {} characters", line.length());
                    continue;
                }
                String scan = normalize(line);
                if (!scan.isEmpty()) {
                    scans.accept(scan);
                }
            }
        } catch (IOException e) {
            log.warn("the scanner input ended: {}", e.getMessage());
        }
    }

    /** Control characters dropped, Hangul typed in 한글 mode turned back into the keys' letters, trimmed. */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= SYLLABLE_FIRST && cp <= SYLLABLE_LAST) {
                int index = cp - SYLLABLE_FIRST;
                out.append(INITIAL_KEYS[index / (21 * 28)]);
                out.append(MEDIAL_KEYS[index % (21 * 28) / 28]);
                out.append(FINAL_KEYS[index % 28]);
            } else if (JAMO_KEYS.containsKey(cp)) {
                out.append(JAMO_KEYS.get(cp));
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    private static final int SYLLABLE_FIRST = 0xAC00;
    private static final int SYLLABLE_LAST = 0xD7A3;
    /** Keys of the 19 initial consonants, 21 vowels and 27 finals (plus none) in Unicode order, 2-beolsik. */
    private static final String[] INITIAL_KEYS = {"r", "R", "s", "e", "E", "f", "a", "q", "Q", "t", "T", "d", "w", "W",
        "c", "z", "x", "v", "g"};
    private static final String[] MEDIAL_KEYS = {"k", "o", "i", "O", "j", "p", "u", "P", "h", "hk", "ho", "hl", "y", "n",
        "nj", "np", "nl", "b", "m", "ml", "l"};
    private static final String[] FINAL_KEYS = {"", "r", "R", "rt", "s", "sw", "sg", "e", "f", "fr", "fa", "fq", "ft",
        "fx", "fv", "fg", "a", "q", "qt", "t", "T", "d", "w", "c", "z", "x", "v", "g"};
    /** Lone compatibility jamo (a consonant not followed by a vowel stays uncomposed). */
    private static final Map<Integer, String> JAMO_KEYS = Map.ofEntries(
            Map.entry(0x3131, "r"), Map.entry(0x3132, "R"), Map.entry(0x3133, "rt"), Map.entry(0x3134, "s"),
            Map.entry(0x3135, "sw"), Map.entry(0x3136, "sg"), Map.entry(0x3137, "e"), Map.entry(0x3138, "E"),
            Map.entry(0x3139, "f"), Map.entry(0x313A, "fr"), Map.entry(0x313B, "fa"), Map.entry(0x313C, "fq"),
            Map.entry(0x313D, "ft"), Map.entry(0x313E, "fx"), Map.entry(0x313F, "fv"), Map.entry(0x3140, "fg"),
            Map.entry(0x3141, "a"), Map.entry(0x3142, "q"), Map.entry(0x3143, "Q"), Map.entry(0x3144, "qt"),
            Map.entry(0x3145, "t"), Map.entry(0x3146, "T"), Map.entry(0x3147, "d"), Map.entry(0x3148, "w"),
            Map.entry(0x3149, "W"), Map.entry(0x314A, "c"), Map.entry(0x314B, "z"), Map.entry(0x314C, "x"),
            Map.entry(0x314D, "v"), Map.entry(0x314E, "g"), Map.entry(0x314F, "k"), Map.entry(0x3150, "o"),
            Map.entry(0x3151, "i"), Map.entry(0x3152, "O"), Map.entry(0x3153, "j"), Map.entry(0x3154, "p"),
            Map.entry(0x3155, "u"), Map.entry(0x3156, "P"), Map.entry(0x3157, "h"), Map.entry(0x3158, "hk"),
            Map.entry(0x3159, "ho"), Map.entry(0x315A, "hl"), Map.entry(0x315B, "y"), Map.entry(0x315C, "n"),
            Map.entry(0x315D, "nj"), Map.entry(0x315E, "np"), Map.entry(0x315F, "nl"), Map.entry(0x3160, "b"),
            Map.entry(0x3161, "m"), Map.entry(0x3162, "ml"), Map.entry(0x3163, "l"));
}
