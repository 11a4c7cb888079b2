package kr.smartsenior.server.mqtt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken embedded-broker port into a short start-up report instead of a stack trace. */
final class EmbeddedBrokerFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedBrokerPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedBrokerPortInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set SSC_MQTT_PORT to a free port (it is " + cause.port() + " now), or set SSC_MQTT_URL to use"
                        + " the MQTT broker that is listening there.",
                cause);
    }
}
