package kr.smartsenior.server.provisioning;

import java.util.Comparator;
import java.util.List;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Topics;

/**
 * The text of Mosquitto's {@code password_file} and {@code acl_file} for the server's account and
 * every active device. Each device may only write its own {@code measurements}, {@code status}
 * (the Last Will included) and {@code update-status}, read its own {@code acks}, {@code config} and
 * {@code update}, and read the retained {@code roster} topics of its own site. The server may read every
 * device's {@code measurements}, {@code status} and {@code update-status} and write {@code acks},
 * {@code roster}, {@code config} and {@code update}: it can neither forge
 * a kiosk's results nor its status, nor read anything else on the broker. Anonymous clients get
 * nothing (the broker must also say {@code allow_anonymous false}).
 */
final class BrokerAccessFiles {

    private static final String EVERY_DEVICE = Topics.PREFIX + "+/+/";

    private BrokerAccessFiles() {
    }

    /** A device's account and where it lives. */
    record DeviceAccount(String siteId, String deviceId, String username, String passwordHash) {
    }

    static String passwords(String serverUser, String serverHash, List<DeviceAccount> devices) {
        StringBuilder text = new StringBuilder();
        text.append(serverUser).append(':').append(serverHash).append('\n');
        for (DeviceAccount device : sorted(devices)) {
            text.append(device.username()).append(':').append(device.passwordHash()).append('\n');
        }
        return text.toString();
    }

    static String acl(String serverUser, List<DeviceAccount> devices) {
        StringBuilder text = new StringBuilder();
        text.append("# Written by the Smart Senior Center server on every provisioning change; edits are overwritten.\n");
        text.append("# Anonymous clients: nothing.\n\n");
        text.append("# the server\n");
        text.append("user ").append(serverUser).append('\n');
        topic(text, "read", EVERY_DEVICE + Channel.MEASUREMENTS.segment());
        topic(text, "read", EVERY_DEVICE + Channel.STATUS.segment());
        topic(text, "write", EVERY_DEVICE + Channel.ACKS.segment());
        topic(text, "write", EVERY_DEVICE + Channel.ROSTER.segment());
        topic(text, "write", EVERY_DEVICE + Channel.CONFIG.segment());
        topic(text, "write", EVERY_DEVICE + Channel.UPDATE.segment());
        topic(text, "read", EVERY_DEVICE + Channel.UPDATE_STATUS.segment());
        for (DeviceAccount device : sorted(devices)) {
            text.append("\n# device ").append(device.deviceId()).append(" at ").append(device.siteId()).append('\n');
            text.append("user ").append(device.username()).append('\n');
            topic(text, "write", Topics.of(device.siteId(), device.deviceId(), Channel.MEASUREMENTS));
            topic(text, "write", Topics.of(device.siteId(), device.deviceId(), Channel.STATUS));
            topic(text, "read", Topics.of(device.siteId(), device.deviceId(), Channel.ACKS));
            topic(text, "read", Topics.of(device.siteId(), device.deviceId(), Channel.CONFIG));
            topic(text, "read", Topics.of(device.siteId(), device.deviceId(), Channel.UPDATE));
            topic(text, "write", Topics.of(device.siteId(), device.deviceId(), Channel.UPDATE_STATUS));
            topic(text, "read", Topics.PREFIX + device.siteId() + "/+/" + Channel.ROSTER.segment());
        }
        return text.toString();
    }

    private static void topic(StringBuilder text, String access, String topic) {
        text.append("topic ").append(access).append(' ').append(topic).append('\n');
    }

    private static List<DeviceAccount> sorted(List<DeviceAccount> devices) {
        return devices.stream().sorted(Comparator.comparing(DeviceAccount::username)).toList();
    }
}
