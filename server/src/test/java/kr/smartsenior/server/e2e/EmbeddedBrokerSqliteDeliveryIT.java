package kr.smartsenior.server.e2e;

/** The end-to-end scenarios on the zero-install setup: embedded broker and SQLite. */
class EmbeddedBrokerSqliteDeliveryIT extends DeliveryScenarios {

    @Override
    Infrastructure infrastructure(boolean restartable) {
        return new EmbeddedSqlite();
    }
}
