/**
 * The server's settings and shared infrastructure: {@link kr.smartsenior.server.config.SscProperties}
 * ({@code ssc.*}, from the {@code SSC_*} environment), the database pool (SQLite by default or
 * PostgreSQL, {@link kr.smartsenior.server.config.DataSources}), the protocol codec and the clock as
 * beans. No feature logic.
 */
package kr.smartsenior.server.config;
