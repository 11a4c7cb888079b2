package kr.smartsenior.edge.ui.voice;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the voice pack's recordings with JavaFX media: an utterance's phrases one after the other, the
 * next one's player made (and so prerolled) while the one before plays, so that the pieces sound like one
 * sentence. A missing sound device, a broken or missing recording or anything else the media stack
 * refuses is logged (once until it works again), reported as "voice not working" and otherwise ignored:
 * the screens carry every sentence as text. Each new utterance tries again, so a speaker plugged in later
 * is used.
 */
public final class MediaVoice implements Voice {

    private static final Logger log = LoggerFactory.getLogger(MediaVoice.class);

    private final PromptSource source;
    private double volume;
    private final double rate;
    private final Consumer<Boolean> working;
    private final Map<String, Media> recordings = new HashMap<>();
    /** How many phrases ahead are made ready while one plays. */
    static final int LOOK_AHEAD = 3;

    private final List<Long> gapsNanos = new ArrayList<>();
    private MediaPlayer player;
    /** The players of the next phrases, made ahead so they are ready when the one before ends. */
    private final ArrayDeque<MediaPlayer> ahead = new ArrayDeque<>();
    private List<String> queue = List.of();
    private int position;
    private long endedAt;
    private boolean failing;
    private int finished;

    /**
     * The kiosk's voice: the district's voice pack in {@code siteDir} where it has a phrase, else the
     * built-in one; the phrases the district's pack lacks are logged once here.
     *
     * @param working told {@code false} when playing fails and {@code true} when it works again (FX thread)
     */
    public static Voice open(Optional<Path> siteDir, double volume, double rate, Consumer<Boolean> working) {
        PromptSource source = new PromptSource(siteDir);
        siteDir.ifPresent(dir -> {
            List<String> missing = source.missingFromSite();
            int all = PromptSource.allIds().size();
            if (missing.isEmpty()) {
                log.info("voice pack {}: all {} phrases recorded", dir, all);
            } else {
                log.warn("voice pack {}: {} of {} phrases recorded; the built-in voice says the {} missing: {}", dir,
                        all - missing.size(), all, missing.size(), String.join(", ", missing));
            }
        });
        return new MediaVoice(source, volume, rate, working);
    }

    MediaVoice(PromptSource source, double volume, double rate, Consumer<Boolean> working) {
        this.source = source;
        this.volume = volume;
        this.rate = rate;
        this.working = working;
    }

    @Override
    public void say(Utterance utterance) {
        stop();
        queue = utterance.ids();
        position = 0;
        if (queue.isEmpty()) {
            return;
        }
        MediaPlayer first = player(queue.get(0));
        if (first != null) {
            start(first);
            prepareAhead();
        }
    }

    @Override
    public void volume(double next) {
        if (!(next >= 0 && next <= 1)) {
            throw new IllegalArgumentException("volume must be 0 to 1, got " + next);
        }
        volume = next;
        if (player != null) {
            player.setVolume(next);
        }
        ahead.forEach(waiting -> waiting.setVolume(next));
    }

    @Override
    public double volume() {
        return volume;
    }

    /** The loudness of the player playing and of those made ahead, in that order (for tests). */
    List<Double> playerVolumes() {
        List<Double> volumes = new ArrayList<>();
        if (player != null) {
            volumes.add(player.getVolume());
        }
        ahead.forEach(waiting -> volumes.add(waiting.getVolume()));
        return volumes;
    }

    @Override
    public void stop() {
        queue = List.of();
        if (player != null) {
            player.stop();
            player.dispose();
            player = null;
        }
        while (!ahead.isEmpty()) {
            ahead.removeFirst().dispose();
        }
    }

    @Override
    public void close() {
        stop();
        recordings.clear();
    }

    /** Utterances played to their end (for tests). */
    int finished() {
        return finished;
    }

    /** The silence between one phrase's end and the next one's start, measured for each join (for tests). */
    List<Long> gapsNanos() {
        return List.copyOf(gapsNanos);
    }

    /** A player for the phrase, not yet playing; null when it cannot be made (reported). */
    private MediaPlayer player(String id) {
        try {
            Media media = recordings.computeIfAbsent(source.uri(id), Media::new);
            MediaPlayer made = new MediaPlayer(media);
            made.setVolume(volume);
            made.setRate(rate);
            made.setOnError(() -> failed(id, made.getError()));
            return made;
        } catch (RuntimeException e) { // MediaException, or an unreadable recording
            failed(id, e);
            return null;
        }
    }

    private void start(MediaPlayer current) {
        player = current;
        current.setOnPlaying(() -> {
            if (endedAt != 0) {
                gapsNanos.add(System.nanoTime() - endedAt);
                endedAt = 0;
            }
            succeeded();
        });
        current.setOnEndOfMedia(() -> {
            if (player != current) {
                return;
            }
            current.dispose();
            player = null;
            position++;
            if (position < queue.size()) {
                MediaPlayer following = ahead.isEmpty() ? player(queue.get(position)) : ahead.removeFirst();
                if (following != null) {
                    endedAt = System.nanoTime();
                    start(following);
                    prepareAhead();
                }
            } else {
                finished++;
                queue = List.of();
            }
        });
        current.play();
    }

    /** Makes the players of up to {@link #LOOK_AHEAD} phrases after the one playing (they load and preroll meanwhile). */
    private void prepareAhead() {
        List<String> playing = queue;
        for (int i = position + 1 + ahead.size(); i < playing.size() && ahead.size() < LOOK_AHEAD; i++) {
            MediaPlayer made = player(playing.get(i));
            if (made == null || queue != playing) {
                return; // failed and reported: everything stopped
            }
            ahead.addLast(made);
        }
    }

    private void succeeded() {
        if (failing) {
            log.info("voice prompts work again");
            failing = false;
        }
        working.accept(true);
    }

    private void failed(String id, Throwable problem) {
        if (!failing) {
            log.warn("voice phrase {} cannot be played ({}); the screens keep showing every sentence", id,
                    problem == null ? "unknown media error" : problem.getMessage());
        } else {
            log.debug("voice phrase {} cannot be played", id, problem);
        }
        failing = true;
        working.accept(false);
        stop();
    }
}
