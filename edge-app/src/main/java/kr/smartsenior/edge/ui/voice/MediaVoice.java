package kr.smartsenior.edge.ui.voice;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays prompt recordings with JavaFX media. A missing sound device, a broken or missing recording
 * or anything else the media stack refuses is logged (once until it works again), reported as "voice
 * not working" and otherwise ignored: the screens carry every sentence as text. Each new prompt tries
 * again, so a speaker plugged in later is used.
 */
public final class MediaVoice implements Voice {

    private static final Logger log = LoggerFactory.getLogger(MediaVoice.class);

    private final PromptSource source;
    private final double volume;
    private final double rate;
    private final Consumer<Boolean> working;
    private final Map<String, Media> recordings = new HashMap<>();
    private MediaPlayer player;
    private boolean failing;
    private int finished;

    /**
     * The kiosk's voice: the site's recordings in {@code siteDir} where it has them, else the bundled ones.
     *
     * @param working told {@code false} when playing fails and {@code true} when it works again (FX thread)
     */
    public static Voice open(Optional<Path> siteDir, double volume, double rate, Consumer<Boolean> working) {
        return new MediaVoice(new PromptSource(siteDir), volume, rate, working);
    }

    MediaVoice(PromptSource source, double volume, double rate, Consumer<Boolean> working) {
        this.source = source;
        this.volume = volume;
        this.rate = rate;
        this.working = working;
    }

    @Override
    public void say(Prompt prompt) {
        stop();
        try {
            String uri = source.uri(prompt);
            Media media = recordings.computeIfAbsent(uri, Media::new);
            MediaPlayer next = new MediaPlayer(media);
            next.setVolume(volume);
            next.setRate(rate);
            next.setOnError(() -> failed(prompt, next.getError()));
            next.setOnEndOfMedia(() -> {
                finished++;
                next.dispose();
                if (player == next) {
                    player = null;
                }
            });
            next.setOnPlaying(this::succeeded);
            player = next;
            next.play();
        } catch (RuntimeException e) { // MediaException, or an unreadable recording
            failed(prompt, e);
        }
    }

    @Override
    public void stop() {
        if (player != null) {
            MediaPlayer old = player;
            player = null;
            old.stop();
            old.dispose();
        }
    }

    @Override
    public void close() {
        stop();
        recordings.clear();
    }

    /** Prompts played to their end (for tests). */
    int finished() {
        return finished;
    }

    private void succeeded() {
        if (failing) {
            log.info("voice prompts work again");
            failing = false;
        }
        working.accept(true);
    }

    private void failed(Prompt prompt, Throwable problem) {
        if (!failing) {
            log.warn("voice prompt {} cannot be played ({}); the screens keep showing every sentence", prompt.key(),
                    problem == null ? "unknown media error" : problem.getMessage());
        } else {
            log.debug("voice prompt {} cannot be played", prompt.key(), problem);
        }
        failing = true;
        working.accept(false);
        stop();
    }
}
