package kr.smartsenior.edge.ui.voice;

/** Speaks prompts. Called on the FX thread only. Never throws: a silent kiosk still shows every sentence. */
public interface Voice {

    /** Stops what is being said and says this. */
    void say(Prompt prompt);

    /** Stops speaking. */
    void stop();

    /** Closes players and frees the recordings. */
    void close();
}
