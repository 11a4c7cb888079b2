package kr.smartsenior.edge.ui.adapters;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import kr.smartsenior.edge.identify.Identifier;
import kr.smartsenior.edge.identify.KeyboardWedge;
import kr.smartsenior.edge.ui.KioskUi;

/**
 * The kiosk window's keys as a USB 2D scanner in keyboard mode: what is typed quickly and ends with
 * Enter is a scan, handed to the identifier as from {@link Identifier#SCANNER}; a person's slow typing
 * is ignored ({@link KeyboardWedge}). Use with {@link KioskUi.Keyboard#scanner}. Keys arrive on the FX
 * thread; the scan is checked on the identifier's thread.
 */
public final class ScannerKeys implements Consumer<String> {

    private final KeyboardWedge wedge = new KeyboardWedge();
    private final Consumer<String> scans;
    private final LongSupplier nanos;

    /** Scans go to {@code identifier.scanned(text, "scanner")}. */
    public ScannerKeys(Identifier identifier) {
        this(text -> identifier.scanned(text, Identifier.SCANNER), System::nanoTime);
    }

    ScannerKeys(Consumer<String> scans, LongSupplier nanos) {
        this.scans = scans;
        this.nanos = nanos;
    }

    /** One key's text ({@code "\n"} for Enter); called on one thread at a time. */
    @Override
    public synchronized void accept(String typed) {
        long at = nanos.getAsLong();
        for (int i = 0; i < typed.length(); i++) {
            String scan = wedge.key(typed.charAt(i), at);
            if (scan != null) {
                scans.accept(scan);
            }
        }
    }

    /** The kiosk window's keyboard, feeding this scanner. */
    public KioskUi.Keyboard keyboard() {
        return KioskUi.Keyboard.scanner(this);
    }
}
