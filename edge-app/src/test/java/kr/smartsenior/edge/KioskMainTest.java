package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KioskMainTest {

    @Test
    void runsSimulatedWithTheScreenOrHeadless() {
        assertThat(KioskMain.usageProblem(List.of("--simulate"))).isEmpty();
        assertThat(KioskMain.usageProblem(List.of("--simulate", "--headless"))).isEmpty();
        assertThat(KioskMain.usageProblem(List.of("--headless", "--simulate"))).isEmpty();
    }

    @Test
    void withoutOptionsRunsOnTheRealDevices() {
        assertThat(KioskMain.usageProblem(List.of())).isEmpty();
    }

    @Test
    void theRealDevicesAlwaysComeWithTheScreen() {
        assertThat(KioskMain.usageProblem(List.of("--headless"))).get().asString()
                .contains("--headless runs only with --simulate");
    }

    @Test
    void namesAnUnknownOption() {
        assertThat(KioskMain.usageProblem(List.of("--simulate", "--headless", "--fast"))).get().asString()
                .contains("unknown option(s): --fast");
    }
}
