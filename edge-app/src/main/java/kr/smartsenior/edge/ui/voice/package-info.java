/**
 * The kiosk's voice: every sentence it speaks ({@link kr.smartsenior.edge.ui.voice.Prompt}, one line each
 * in {@code voice/prompts.tsv}), where each recording comes from (the site's own in {@code SSC_VOICE_DIR},
 * else the bundled one) and its playback with JavaFX media ({@link kr.smartsenior.edge.ui.voice.MediaVoice}).
 * A voice never throws: audio failures are logged and reported, and the screens carry every sentence as
 * text. Played on the FX thread only.
 */
package kr.smartsenior.edge.ui.voice;
