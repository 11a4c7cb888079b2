package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import kr.smartsenior.edge.hardware.HardwareKiosk;
import kr.smartsenior.edge.identify.CardReaderSettings;
import kr.smartsenior.edge.identify.FrameSource;
import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.sensor.Pi4jContexts;
import kr.smartsenior.edge.sensor.SensorSettings;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.card.CardToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The kiosk window on the hardware composition (Pi4J mock providers, no camera): a USB scanner in
 * keyboard mode types a card into the window and the screens greet the member from the synced
 * roster; the sensors' state is what the device status would report.
 */
@Timeout(120)
class HardwareKioskUiTest {

    private static final String SITE = "ydp-01";
    private static final CardToken KIM = new CardToken("M7K2Q9XD4T", 2, "4J8ZQ0N6W2C5TD1XKR3M");

    @TempDir
    Path dir;

    private final List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
    private LocalStore store;
    private RosterBook roster;
    private HardwareKiosk hardware;
    private KioskUi ui;

    @BeforeAll
    static void toolkit() {
        FxTesting.startOrSkip();
    }

    @AfterEach
    void close() {
        if (ui != null) {
            ui.close();
        }
        if (hardware != null) {
            hardware.close();
        }
        if (roster != null) {
            roster.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aCardTypedByTheScannerIntoTheWindowGreetsTheMemberByName() throws Exception {
        store = LocalStore.open(dir);
        Roster synced = new Roster(SITE, 3, OffsetDateTime.parse("2026-11-21T09:00:00+09:00"), List.of(
                new RosterEntry(KIM.memberId(), "김영희", KIM.hash(), KIM.cardVersion(), KioskPrescription.NONE)));
        store.rosterCache().save(SITE, 3, new String(new ProtocolCodec().encode(synced), StandardCharsets.UTF_8));
        roster = RosterBook.open(SITE, store.rosterCache());
        CardReaderSettings noCamera = new CardReaderSettings(CardReaderSettings.Camera.NONE, "/dev/video0", 640, 480, 15,
                CardReaderSettings.Scanner.KEYBOARD, Optional.empty());
        hardware = HardwareKiosk.start(roster, new SensorSettings(1, SiteCalibration.REFERENCE, Optional.empty()), noCamera,
                new HardwareKiosk.Devices() {
                    @Override
                    public Context pi4j() {
                        return Pi4jContexts.mock();
                    }

                    @Override
                    public FrameSource camera(CardReaderSettings readers) {
                        throw new AssertionError("no camera configured");
                    }

                    @Override
                    public InputStream scanner(Path device) throws IOException {
                        throw new IOException("no serial scanner configured");
                    }
                }, Clock.system(KioskUi.SEOUL));

        Stage stage = FxToolkit.registerPrimaryStage();
        ui = FxTesting.onFx(() -> KioskUi.attach(stage, hardware.ports(), recorded::add, UiSettings.defaults(),
                hardware.keyboard()));
        FxTesting.onFx(() -> {
            stage.show();
            ui.controller().start();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> screen() instanceof Screen.Idle);
        assertThat(FxTesting.onFx(() -> ui.model().screen().get())).isInstanceOf(Screen.Idle.class);

        // the scanner types the whole code within milliseconds, then Enter, as key events on the window
        FxTesting.onFx(() -> {
            var root = stage.getScene().getRoot();
            for (char c : KIM.text().toCharArray()) {
                Event.fireEvent(root, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false,
                        false, false));
            }
            Event.fireEvent(root, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> screen() instanceof Screen.Greeting);
        assertThat(screen()).isEqualTo(new Screen.Greeting("김영희"));
        assertThat(recorded).isEmpty();
    }

    @Test
    void withoutItsStepMatTheIdleScreenTellsStaff() throws Exception {
        store = LocalStore.open(dir);
        roster = RosterBook.open(SITE, store.rosterCache());
        CardReaderSettings noCamera = new CardReaderSettings(CardReaderSettings.Camera.NONE, "/dev/video0", 640, 480, 15,
                CardReaderSettings.Scanner.KEYBOARD, Optional.empty());
        hardware = HardwareKiosk.start(roster, new SensorSettings(1, SiteCalibration.REFERENCE, Optional.empty()), noCamera,
                new HardwareKiosk.Devices() {
                    @Override
                    public Context pi4j() { // the I2C bus only: the mat's GPIO pins cannot be claimed
                        return com.pi4j.Pi4J.newContextBuilder().noAutoDetect()
                                .add(com.pi4j.plugin.mock.provider.i2c.MockI2CProvider.newInstance()).build();
                    }

                    @Override
                    public FrameSource camera(CardReaderSettings readers) {
                        throw new AssertionError("no camera configured");
                    }

                    @Override
                    public InputStream scanner(Path device) throws IOException {
                        throw new IOException("no serial scanner configured");
                    }
                }, Clock.system(KioskUi.SEOUL));

        Stage stage = FxToolkit.registerPrimaryStage();
        ui = FxTesting.onFx(() -> KioskUi.attach(stage, hardware.ports(), recorded::add, UiSettings.defaults(),
                hardware.keyboard()));
        FxTesting.onFx(() -> {
            stage.show();
            ui.controller().start();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> screen() instanceof Screen.Idle idle
                && idle.notice().startsWith("기기 점검 중: 발판"));
        // drawn for staff in the corner of the idle screen
        await().atMost(Duration.ofSeconds(30)).until(() -> FxTesting.onFx(() -> stage.getScene().getRoot()
                .lookup("#staff-notice") instanceof javafx.scene.control.Label label && label.getText().contains("발판")));
        assertThat(recorded).isEmpty();
        // (which tests the battery keeps: HardwareKioskTest, with a distance sensor that answers)
    }

    private Screen screen() {
        return FxTesting.onFx(() -> ui.model().screen().get());
    }
}
