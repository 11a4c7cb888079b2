package kr.smartsenior.edge.ui.voice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The voice segments of {@code voice/segments.tsv}: the pieces (numbers, counters, parts of sentences)
 * that {@link SpeechComposer} joins. Each has the words recorded and the text as a screen shows it (the
 * same unless the third column says otherwise, e.g. "3m" shown, "삼 미터" said).
 */
final class Segments {

    static final String FILE = Prompt.RESOURCE_DIR + "segments.tsv";

    /** One segment: its id (the recording is {@code <id>.wav}), the words spoken, the text shown. */
    record Segment(String id, String spoken, String shown) {
    }

    static final Map<String, Segment> BY_ID = load();

    private Segments() {
    }

    static List<Segment> all() {
        return List.copyOf(BY_ID.values());
    }

    static Segment get(String id) {
        Segment segment = BY_ID.get(id);
        if (segment == null) {
            throw new IllegalStateException(FILE + " has no segment " + id);
        }
        return segment;
    }

    private static Map<String, Segment> load() {
        Map<String, Segment> segments = new LinkedHashMap<>();
        try (InputStream in = Segments.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the kiosk jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 2 || columns[1].isBlank()) {
                    throw new IllegalStateException(FILE + ": no words in '" + line + "'");
                }
                String id = columns[0].strip();
                String spoken = columns[1].strip();
                String shown = columns.length > 2 ? columns[2].strip() : spoken;
                if (segments.put(id, new Segment(id, spoken, shown)) != null) {
                    throw new IllegalStateException(FILE + ": " + id + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(segments);
    }
}
