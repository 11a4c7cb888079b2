package kr.smartsenior.server.mqtt;

/** MQTT topic-filter matching, aware of shared subscriptions. */
final class TopicFilters {

    private static final String SHARE = "$share/";

    private TopicFilters() {
    }

    /** The filter without a {@code $share/group/} prefix: what the topics it receives look like. */
    static String withoutShare(String filter) {
        if (!filter.startsWith(SHARE)) {
            return filter;
        }
        int groupEnd = filter.indexOf('/', SHARE.length());
        return groupEnd < 0 ? filter : filter.substring(groupEnd + 1);
    }

    /** Whether the topic matches the filter ({@code +} one level, {@code #} the rest). */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
