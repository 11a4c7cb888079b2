/**
 * The kiosk's side of update campaigns (decision 0040). {@link kr.smartsenior.edge.update.UpdateAgent}
 * takes the retained command from the device's {@code update} topic, fetches the bundle and its signature
 * from the server with the kiosk's own broker credentials, checks SHA-256 and size, and hands both to an
 * {@link kr.smartsenior.edge.update.Installer}; it reports every step on {@code update-status} and, once
 * the installer has a result, HEALTHY (the running version is the new one) or ROLLED_BACK/FAILED.
 * {@link kr.smartsenior.edge.update.RequestInstaller} leaves the request for the root-owned path unit that
 * runs {@code ssc-update.sh} on a Pi; {@link kr.smartsenior.edge.update.ScriptInstaller} runs the same
 * scripts itself in a scratch root (the rollout simulation, tests).
 */
package kr.smartsenior.edge.update;
