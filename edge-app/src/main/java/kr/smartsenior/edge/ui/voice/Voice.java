package kr.smartsenior.edge.ui.voice;

/** Speaks prompts. Called on the FX thread only. Never throws: a silent kiosk still shows every sentence. */
public interface Voice {

    /** Stops what is being said and says this. */
    default void say(Prompt prompt) {
        say(Utterance.of(prompt));
    }

    /** Stops what is being said and says these phrases one after the other, as one sentence. */
    void say(Utterance utterance);

    /**
     * Sets the loudness from now on, 0 (silent) to 1 (full): the phrase playing and the ones after it.
     * The admin's remote {@code volume} comes here, floored by the caller (decision 0042).
     */
    void volume(double volume);

    /** The loudness new phrases play at, 0 to 1. */
    double volume();

    /** Stops speaking. */
    void stop();

    /** Closes players and frees the recordings. */
    void close();
}
