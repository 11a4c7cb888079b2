/**
 * The kiosk on its real devices: {@link kr.smartsenior.edge.hardware.HardwareKiosk} composes the
 * sensor drivers, the card readers, the roster and the screens' adapters, which is what
 * {@code KioskMain} runs on the Raspberry Pi. The simulated counterpart is in {@code simulate}.
 */
package kr.smartsenior.edge.hardware;
