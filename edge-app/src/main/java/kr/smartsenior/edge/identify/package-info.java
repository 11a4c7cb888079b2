/**
 * Who is at the kiosk: reading members' QR cards and checking them offline against the roster.
 *
 * <p>Cards are read from a camera ({@link kr.smartsenior.edge.identify.FrameSource}: the Raspberry Pi
 * camera through {@code rpicam-vid}, a USB webcam through {@code ffmpeg}, or the
 * {@link kr.smartsenior.edge.identify.SimulatedCamera}), decoded from the luminance plane with ZXing
 * ({@link kr.smartsenior.edge.identify.QrDecoder}), or typed by a USB scanner that acts as a keyboard
 * ({@link kr.smartsenior.edge.identify.KeyboardWedge}). The {@link kr.smartsenior.edge.identify.Identifier}
 * checks each scan against the {@link kr.smartsenior.edge.identify.RosterBook} (the roster the server
 * publishes, cached in the kiosk's SQLite store so it works offline after a restart), folds repeats of
 * the same card into one scan, and tells its listener an {@link kr.smartsenior.edge.identify.Identification}:
 * the member, or one refusal with a short Korean message for the senior. Logs name member ids and
 * reasons, never names.
 */
package kr.smartsenior.edge.identify;
