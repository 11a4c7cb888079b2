package kr.smartsenior.server.ingest;

/** Makes untrusted text (topics, ids) safe for one log line: printable and short. */
final class LogText {

    private static final int MAX = 120;

    private LogText() {
    }

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return text.length() > MAX ? out + "…" : out.toString();
    }
}
