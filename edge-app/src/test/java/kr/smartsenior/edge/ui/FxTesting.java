package kr.smartsenior.edge.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts JavaFX for UI tests (headless Monocle, see the Surefire settings), or skips the test when the
 * toolkit cannot start here, unless SSC_REQUIRE_SERVICES=1 asks for a failure instead.
 */
public final class FxTesting {

    private static volatile String unavailable;
    private static volatile boolean started;

    private FxTesting() {
    }

    public static synchronized void startOrSkip() {
        if (!started && unavailable == null) {
            try {
                FxToolkit.registerPrimaryStage();
                Platform.setImplicitExit(false);
                started = true;
            } catch (Throwable e) {
                unavailable = e.toString();
            }
        }
        if (unavailable != null) {
            if ("1".equals(System.getenv("SSC_REQUIRE_SERVICES"))) {
                Assertions.fail("JavaFX cannot start here and SSC_REQUIRE_SERVICES=1: " + unavailable);
            }
            Assumptions.abort("JavaFX cannot start here: " + unavailable);
        }
    }

    /** Runs on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX work failed", e);
        }
    }

    public static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }
}
