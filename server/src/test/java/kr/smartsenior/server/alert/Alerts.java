package kr.smartsenior.server.alert;

import kr.smartsenior.server.testsupport.TestServer;

/** For tests and benchmarks of other packages: derive every senior's alerts now. */
public final class Alerts {

    private Alerts() {
    }

    /** Every member and site of the server, on the caller's thread. */
    public static void sweep(TestServer server) {
        server.bean(AlertRefresher.class).sweep();
    }
}
