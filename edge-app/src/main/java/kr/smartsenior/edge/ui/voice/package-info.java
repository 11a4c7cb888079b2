/**
 * The kiosk's voice: every fixed sentence it speaks ({@link kr.smartsenior.edge.ui.voice.Prompt}, one line
 * each in {@code voice/prompts.tsv}), the lines with numbers said from recorded segments
 * ({@link kr.smartsenior.edge.ui.voice.SpeechComposer}, {@link kr.smartsenior.edge.ui.voice.KoreanNumbers},
 * {@code voice/segments.tsv}), where each recording comes from (a district's own voice pack in
 * {@code SSC_VOICE_DIR}, else the built-in one listed in {@code voice/voice-pack.tsv}) and its playback
 * with JavaFX media ({@link kr.smartsenior.edge.ui.voice.MediaVoice}). Names are never spoken. A voice
 * never throws: audio failures are logged and reported, and the screens carry every sentence as text.
 * Played on the FX thread only.
 */
package kr.smartsenior.edge.ui.voice;
