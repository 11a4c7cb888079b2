package kr.smartsenior.server.worker;

/**
 * Every background worker of the server, in start order, with its thread and its Spring lifecycle
 * phase: a lower phase starts earlier and stops later; workers of one phase start in no particular
 * order. Before all of them the embedded broker (when there is one) starts as its bean is made, and
 * it stops after all of them. HTTP requests run on Tomcat's threads, MQTT callbacks on Paho's.
 */
public enum Worker {

    /** Connects to the broker and keeps trying until the first connection succeeds (Paho reconnects after that). */
    BROKER_CONNECTION("ssc-mqtt-connect", 1000),
    /**
     * Does the derived work of the durable queue (prescriptions, alerts, rosters after new records;
     * decision 0037). Up before the ingest and down after it; rows it has not done at shutdown stay in
     * the queue for another instance or the next start.
     */
    DERIVED("ssc-derived", 1000),
    /**
     * Derives the alert inbox's alerts from new records, screenings and member changes, and sweeps
     * every senior hourly (absence begins with time). Up before the ingest, like the prescription.
     */
    ALERTS("ssc-alerts", 1000),
    /**
     * PostgreSQL only: keeps the months ahead of measurement's monthly partitions created, at start and
     * daily (decision 0038). No thread on SQLite.
     */
    PARTITIONS("ssc-partitions", 1000),
    /** Takes measurement messages off the ingest queue in groups, stores them, then acks. */
    INGEST("ssc-ingest", 2000),
    /** Decodes kiosk statuses and saves what lasts of them (table {@code device_observation}). */
    DEVICE_STATUS("ssc-status", 2000),
    /** Builds and publishes each site's retained roster, retries and re-publishes it every 30 min. */
    ROSTER("ssc-roster", 2000),
    /** Applies the kiosks' update reports and carries update campaigns on, stage by stage (decision 0040). */
    UPDATES("ssc-updates", 2000),
    /**
     * Publishes every active device's configuration once the broker is connected; no thread of its
     * own (it runs on the starting thread, later publications on the thread that made the change).
     */
    DEVICE_CONFIG(null, 3000);

    private final String threadName;
    private final int phase;

    Worker(String threadName, int phase) {
        this.threadName = threadName;
        this.phase = phase;
    }

    /** The name of the worker's thread(s), as thread dumps and logs show it; null for none. */
    public String threadName() {
        return threadName;
    }

    /** The {@link org.springframework.context.SmartLifecycle} phase. */
    public int phase() {
        return phase;
    }
}
