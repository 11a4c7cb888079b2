package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardReaderSettingsTest {

    @Test
    void theReferenceKioskReadsCardsWithThePiCameraAndAKeyboardScanner() {
        CardReaderSettings settings = CardReaderSettings.fromEnvironment(Map.of());
        assertThat(settings).isEqualTo(CardReaderSettings.defaults());
        assertThat(settings.camera()).isEqualTo(CardReaderSettings.Camera.RPICAM);
        assertThat(settings.scanner()).isEqualTo(CardReaderSettings.Scanner.KEYBOARD);
        assertThat(settings.fps()).isEqualTo(15);
    }

    @Test
    void aUsbWebcamAndASerialScannerAreChosenInTheEnvironment() {
        CardReaderSettings settings = CardReaderSettings.fromEnvironment(Map.of("SSC_CAMERA", "USB", "SSC_CAMERA_DEVICE",
                "/dev/video2", "SSC_CAMERA_FPS", "10", "SSC_SCANNER", "/dev/ttyACM0"));
        assertThat(settings.camera()).isEqualTo(CardReaderSettings.Camera.USB);
        assertThat(settings.cameraDevice()).isEqualTo("/dev/video2");
        assertThat(settings.fps()).isEqualTo(10);
        assertThat(settings.scanner()).isEqualTo(CardReaderSettings.Scanner.SERIAL);
        assertThat(settings.scannerDevice()).contains(Path.of("/dev/ttyACM0"));
        assertThat(CardReaderSettings.fromEnvironment(Map.of("SSC_CAMERA", "none")).openCamera()).isEqualTo(Optional.empty());
    }

    @Test
    void unusableValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> CardReaderSettings.fromEnvironment(Map.of("SSC_CAMERA", "picam")))
                .hasMessageContaining("SSC_CAMERA").hasMessageContaining("rpicam, usb or none");
        assertThatThrownBy(() -> CardReaderSettings.fromEnvironment(Map.of("SSC_SCANNER", "hid")))
                .hasMessageContaining("SSC_SCANNER");
        assertThatThrownBy(() -> CardReaderSettings.fromEnvironment(Map.of("SSC_CAMERA_FPS", "fast")))
                .hasMessageContaining("SSC_CAMERA_FPS");
        assertThatThrownBy(() -> CardReaderSettings.fromEnvironment(Map.of("SSC_CAMERA", "none", "SSC_SCANNER", "none")))
                .hasMessageContaining("no way to read a card");
    }
}
