/**
 * Remote configuration: settings per site and per device (a device's override its site's), each
 * change a new version from one counter, checked against the protocol's catalogue
 * ({@link kr.smartsenior.protocol.DeviceSettings}) and published retained on every active device's
 * {@code config} topic. The kiosk confirms the version it runs in its status; the fleet compares.
 * The admins' page {@code /admin/sites/{siteId}/config} ({@code ConfigPages}, {@code ConfigForm}) checks
 * each box in Korean, previews each kiosk's merged settings and only then pushes (decision 0039).
 */
package kr.smartsenior.server.deviceconfig;
