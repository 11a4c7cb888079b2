package kr.smartsenior.edge.ui.voice;

/** Speaks prompts. Called on the FX thread only. Never throws: a silent kiosk still shows every sentence. */
public interface Voice {

    /** Stops what is being said and says this. */
    default void say(Prompt prompt) {
        say(Utterance.of(prompt));
    }

    /** Stops what is being said and says these phrases one after the other, as one sentence. */
    void say(Utterance utterance);

    /** Stops speaking. */
    void stop();

    /** Closes players and frees the recordings. */
    void close();
}
