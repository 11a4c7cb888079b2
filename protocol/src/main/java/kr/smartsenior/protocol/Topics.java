package kr.smartsenior.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Topic names of protocol v1: {@code ssc/v1/{siteId}/{deviceId}/{channel}}.
 *
 * <p>Site and device ids are lower-case letters, digits and hyphens (for example {@code ydp-01}),
 * 1 to 32 characters, starting with a letter or digit, so they can never carry an MQTT wildcard or a
 * level separator.
 */
public final class Topics {

    public static final String PREFIX = "ssc/v1/";
    /**
     * The device level of a site's shared retained topics ({@code ssc/v1/{site}/all/roster}): every
     * kiosk of the site reads them, so no kiosk may use this as its device id.
     */
    public static final String SITE_WIDE = "all";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private Topics() {
    }

    /** Whether the text is a valid site or device id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Whether the text may be a kiosk's device id: a valid id other than {@value #SITE_WIDE}. */
    public static boolean isValidDeviceId(String id) {
        return isValidId(id) && !SITE_WIDE.equals(id);
    }

    /** The site-wide topic of a channel, read by every kiosk of the site: {@code ssc/v1/{site}/all/{channel}}. */
    public static String siteWide(String siteId, Channel channel) {
        return of(siteId, SITE_WIDE, channel);
    }

    /** The topic of one device's channel. */
    public static String of(String siteId, String deviceId, Channel channel) {
        requireId(siteId, "siteId");
        requireId(deviceId, "deviceId");
        return PREFIX + siteId + "/" + deviceId + "/" + channel.segment();
    }

    /** The filter matching this channel of every device of every site, for the server. */
    public static String everyDevice(Channel channel) {
        return PREFIX + "+/+/" + channel.segment();
    }

    /**
     * The same filter as a shared subscription, so that server instances in one group split the
     * messages between them (MQTT 5, and Mosquitto for 3.1.1 clients too).
     */
    public static String sharedEveryDevice(String group, Channel channel) {
        requireId(group, "group");
        return "$share/" + group + "/" + everyDevice(channel);
    }

    /** The parts of a protocol v1 topic, or empty if the topic is not one. */
    public static Optional<Address> parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 3 || !isValidId(parts[0]) || !isValidId(parts[1])) {
            return Optional.empty();
        }
        return Channel.fromSegment(parts[2]).map(channel -> new Address(parts[0], parts[1], channel));
    }

    private static void requireId(String id, String what) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits and hyphens (1-32): " + id);
        }
    }

    /** Where a message came from or goes to. */
    public record Address(String siteId, String deviceId, Channel channel) {
        public String topic() {
            return Topics.of(siteId, deviceId, channel);
        }
    }
}
