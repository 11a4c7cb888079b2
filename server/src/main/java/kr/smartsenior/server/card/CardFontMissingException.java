package kr.smartsenior.server.card;

import kr.smartsenior.server.web.UnavailableException;

/** No font that prints Korean is available: cards cannot be printed until one is installed (503). */
public final class CardFontMissingException extends UnavailableException {

    CardFontMissingException(String message) {
        super(message);
    }
}
