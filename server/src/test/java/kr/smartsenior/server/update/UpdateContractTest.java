package kr.smartsenior.server.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.UpdateReport;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.api.Test;

/**
 * The update messages at the seam (decision 0023): the command the server publishes is the example the
 * kiosk's {@code UpdateAgentTest} acts on, and every report the kiosk's agent writes is one the server
 * reads into a step of its own.
 */
class UpdateContractTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void theCommandOfACampaignIsTheExample() {
        CampaignRepository.Campaign campaign = new CampaignRepository.Campaign(3, "2026.12.1", CampaignState.RUNNING, null, "1차",
                "sim-k01", "https://ssc.example.go.kr", 0, 0, "admin", null);
        CampaignRepository.Release release = new CampaignRepository.Release("2026.12.1",
                "9f2c1e0b7d4a5c3e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60", 48_213_771, 0, "admin");
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC);

        byte[] written = codec.encode(Campaigns.command(campaign, release, clock));

        ContractExamples.check("update-commands", "wave-release", written);
        assertThat(codec.decodeUpdateCommand(written)).isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void everyReportTheKioskWritesIsAStepOfTheServers() {
        assertThat(ContractExamples.names("update-reports")).contains("healthy", "rolled-back", "checksum-mismatch");
        for (String name : ContractExamples.names("update-reports")) {
            Decoded<UpdateReport> read = codec.decodeUpdateReport(ContractExamples.read("update-reports", name));
            assertThat(read).as(name).isInstanceOf(Decoded.Ok.class);
            UpdateReport report = ((Decoded.Ok<UpdateReport>) read).value();
            DeviceStep step = DeviceStep.of(report.step());
            assertThat(step.finished()).as(name).isTrue();
            assertThat(step.failed()).as(name).isEqualTo(report.problem() != null);
        }
    }
}
