/**
 * The QR card token: the text printed in a member's QR code ({@link kr.smartsenior.protocol.card.CardToken}).
 *
 * <p>It names a member and a card version and carries a MAC the server computes with a key only
 * the server holds. Kiosks never see the key: they compare the SHA-256 hash of a scanned token with
 * the hash on their roster. No name, birth date or resident number is in it.
 */
package kr.smartsenior.protocol.card;
