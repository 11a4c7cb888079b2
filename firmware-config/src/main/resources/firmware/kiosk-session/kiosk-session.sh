#!/bin/sh
# Run by cage (smartsenior-kiosk-screen.service) as the only client of the compositor.
# JavaFX draws through GTK 3 on X11, so it runs on cage's XWayland.
export GDK_BACKEND=x11
# never blank or power down the display while the kiosk runs (belt and braces: cage has no idle
# blanking of its own; the console's blanking is off through consoleblank=0 on the kernel command line)
if command -v xset >/dev/null 2>&1 && [ -n "${DISPLAY:-}" ]; then
  xset s off -dpms s noblank 2>/dev/null || true
fi
# SSC_KIOSK_JAVA_OPTS comes from /etc/smartsenior/kiosk-java.env (the JVM settings for a Pi 4 with 2 GB).
# No option: the kiosk on its real devices (step mat and distance sensor on the pin map of
# SSC_PIN_MAP_REVISION, cards through SSC_CAMERA and/or SSC_SCANNER; see /etc/smartsenior/kiosk.env).
# A demonstration kiosk without sensors sets SSC_KIOSK_ARGS=--simulate in kiosk.env.
# shellcheck disable=SC2086
exec /opt/smartsenior/jdk/bin/java $SSC_KIOSK_JAVA_OPTS -jar /opt/smartsenior/kiosk/smartsenior-kiosk.jar ${SSC_KIOSK_ARGS:-}
