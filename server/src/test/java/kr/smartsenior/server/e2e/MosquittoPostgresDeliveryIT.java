package kr.smartsenior.server.e2e;

/**
 * The end-to-end scenarios on the production parts: Mosquitto and PostgreSQL. Skipped when they
 * are missing, failed instead with {@code SSC_REQUIRE_SERVICES=1}.
 */
class MosquittoPostgresDeliveryIT extends DeliveryScenarios {

    @Override
    Infrastructure infrastructure(boolean restartable) {
        return new MosquittoPostgres(restartable);
    }
}
