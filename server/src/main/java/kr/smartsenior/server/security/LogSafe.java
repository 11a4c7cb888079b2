package kr.smartsenior.server.security;

/** A user name as typed at the sign-in, safe for a log line. */
final class LogSafe {

    private static final int MAX = 64;

    private LogSafe() {
    }

    static String name(String typed) {
        if (typed == null) {
            return "-";
        }
        String clean = typed.replaceAll("[^A-Za-z0-9._@:-]", "?");
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }
}
