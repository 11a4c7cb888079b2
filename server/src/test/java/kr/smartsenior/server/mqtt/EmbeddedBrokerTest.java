package kr.smartsenior.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

@Timeout(30)
class EmbeddedBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortFailsWithOneLineNamingThePortAndTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", taken.getLocalPort(), dataDir);

            assertThatThrownBy(broker::start)
                    .isInstanceOf(EmbeddedBrokerPortInUseException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("SSC_MQTT_PORT")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void theFailureReportSaysWhatToChange() {
        EmbeddedBrokerPortInUseException failure = new EmbeddedBrokerPortInUseException("127.0.0.1", 1883, null);

        FailureAnalysis analysis = new EmbeddedBrokerFailureAnalyzer().analyze(new RuntimeException(failure));

        assertThat(analysis.getDescription()).contains("1883");
        assertThat(analysis.getAction()).contains("SSC_MQTT_PORT").contains("SSC_MQTT_URL");
    }

    @Test
    void portZeroPicksAFreePortAndReportsIt() {
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", 0, dataDir);
        broker.start();
        try {
            assertThat(broker.port()).isPositive();
            assertThat(broker.uri()).isEqualTo("tcp://127.0.0.1:" + broker.port());
        } finally {
            broker.stop();
        }
    }

    @Test
    void aBrokerOnAPickedPortListensThereAndKeepsThePortWhenRestarted() throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", 0, dataDir);
        broker.start();
        try {
            int picked = broker.port();
            try (java.net.Socket client = new java.net.Socket("127.0.0.1", picked)) {
                assertThat(client.isConnected()).isTrue();
            }
            broker.stop();
            broker.start();
            assertThat(broker.port()).isEqualTo(picked);
            try (java.net.Socket client = new java.net.Socket("127.0.0.1", picked)) {
                assertThat(client.isConnected()).isTrue();
            }
        } finally {
            broker.stop();
        }
    }
}
