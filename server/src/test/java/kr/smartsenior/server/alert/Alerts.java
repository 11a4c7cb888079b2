package kr.smartsenior.server.alert;

import kr.smartsenior.server.testsupport.TestServer;

/** For tests and benchmarks of other packages: derive every senior's alerts now. */
public final class Alerts {

    private Alerts() {
    }

    /** Waits (at most two minutes) until the server derives nothing more in the background. */
    public static void awaitIdle(TestServer server) throws InterruptedException {
        if (!server.bean(AlertRefresher.class).awaitIdle(java.time.Duration.ofMinutes(2))) {
            throw new IllegalStateException("alerts still being derived after two minutes");
        }
    }

    /** Every member and site of the server, on the caller's thread. */
    public static void sweep(TestServer server) {
        server.bean(AlertRefresher.class).sweep();
    }
}
