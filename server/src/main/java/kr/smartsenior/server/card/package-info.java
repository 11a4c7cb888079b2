/**
 * QR cards: signing card tokens with the server's key ({@link kr.smartsenior.server.card.CardIssuer})
 * and printing credit-card-sized cards on A4 sheets ({@link kr.smartsenior.server.card.CardSheet}).
 * The token format itself is the protocol's {@link kr.smartsenior.protocol.card.CardToken}.
 */
package kr.smartsenior.server.card;
