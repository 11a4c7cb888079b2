/**
 * The server's background workers in one place: {@link kr.smartsenior.server.worker.Worker} lists them
 * in start order with their thread names and lifecycle phases, and
 * {@link kr.smartsenior.server.worker.BackgroundWorker} is the lifecycle each of them extends (the
 * broker connection, the ingest, prescriptions, device statuses, rosters and device configuration).
 * Knows no feature.
 */
package kr.smartsenior.server.worker;
