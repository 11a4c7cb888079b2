/**
 * The server of the Smart Senior Center: {@link kr.smartsenior.server.SmartSeniorServer} starts the
 * Spring Boot application; everything else lives in one package per feature below this one
 * ({@code member}, {@code roster}, {@code ingest}, ...). Feature packages never depend on each other
 * in a cycle ({@code ServerArchitectureTest}); a feature tells others of a change with an event of its
 * own and asks them through a public class or a port it owns.
 */
package kr.smartsenior.server;
