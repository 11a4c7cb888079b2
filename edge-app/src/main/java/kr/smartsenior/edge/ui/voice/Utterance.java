package kr.smartsenior.edge.ui.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the kiosk says at once: phrases of the voice pack played one after the other as one sentence
 * (a {@link Prompt}'s recording, or the segments {@link SpeechComposer} joins for a shown line with
 * numbers in it), and the same in words for the caption.
 *
 * @param ids  voice-pack phrase ids in the order spoken (a prompt's key, or a segment id of segments.tsv)
 * @param text what is said, as the screen shows it
 */
public record Utterance(List<String> ids, String text) {

    public static final Utterance NOTHING = new Utterance(List.of(), "");

    public Utterance {
        ids = List.copyOf(ids);
    }

    public static Utterance of(Prompt prompt) {
        return new Utterance(List.of(prompt.key()), prompt.text());
    }

    /** This, then that. */
    public Utterance then(Utterance next) {
        if (next.ids.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(ids);
        all.addAll(next.ids);
        return new Utterance(all, text.isEmpty() ? next.text : next.text.isEmpty() ? text : text + " " + next.text);
    }

    public Utterance then(Prompt next) {
        return then(of(next));
    }

    /** The prompts said whole in this utterance, in order (for sinks that only record prompts). */
    public List<Prompt> prompts() {
        return ids.stream().flatMap(id -> promptOf(id).stream()).toList();
    }

    static Optional<Prompt> promptOf(String id) {
        return Arrays.stream(Prompt.values()).filter(p -> p.key().equals(id)).findFirst();
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }
}
