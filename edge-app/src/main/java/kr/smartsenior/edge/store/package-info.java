/**
 * The kiosk's durable local state: one SQLite file, {@code kiosk.db}, under the data directory.
 *
 * <p>{@link kr.smartsenior.edge.store.LocalStore} opens it (WAL, {@code synchronous=FULL}, schema by
 * {@code user_version}); {@link kr.smartsenior.edge.store.Outbox} keeps every recorded result until an
 * ack from the server names it. A result the senior was shown as saved has been committed to disk
 * before {@code append} returns, so it survives a power cut.
 */
package kr.smartsenior.edge.store;
