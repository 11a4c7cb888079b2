package kr.smartsenior.server.alert;

import kr.smartsenior.server.testsupport.TestServer;

/** For tests and benchmarks of other packages: derive every senior's alerts now. */
public final class Alerts {

    private Alerts() {
    }

    /** Waits (at most two minutes) until the server derives nothing more in the background. */
    public static void awaitIdle(TestServer server) throws InterruptedException {
        awaitIdle(server, java.time.Duration.ofMinutes(2));
    }

    /** Waits at most {@code limit} (a benchmark's start-up sweep of 1,000 seniors on a busy machine). */
    public static void awaitIdle(TestServer server, java.time.Duration limit) throws InterruptedException {
        if (!server.bean(AlertRefresher.class).awaitIdle(limit)) {
            throw new IllegalStateException("alerts still being derived after " + limit);
        }
    }

    /** Every member and site of the server, on the caller's thread. */
    public static void sweep(TestServer server) {
        server.bean(AlertRefresher.class).sweep();
    }
}
