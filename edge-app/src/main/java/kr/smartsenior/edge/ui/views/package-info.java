/**
 * What the senior sees: the immutable {@link kr.smartsenior.edge.ui.views.Screen}s the journey decides
 * on (each offering its {@link kr.smartsenior.edge.ui.views.Action}s), the fast-changing
 * {@link kr.smartsenior.edge.ui.views.Live} and {@link kr.smartsenior.edge.ui.views.ExerciseLive}
 * parts, and their JavaFX views: {@link kr.smartsenior.edge.ui.views.KioskView} (the scene's root,
 * one {@code *View} per screen) bound to {@link kr.smartsenior.edge.ui.views.KioskViewModel}. The
 * journey sends everything through a {@link kr.smartsenior.edge.ui.views.ScreenSink};
 * {@link kr.smartsenior.edge.ui.views.FxScreenSink} hands it to the FX thread.
 *
 * <p>The Korean words: the fixed sentences of a screen stay with it; {@code TestGuide} and
 * {@code ExerciseGuide} present one test or program; {@link kr.smartsenior.edge.ui.views.ScreenWording}
 * composes the lines that depend on what happened (results, prescription, score, time), as pure
 * functions with their own tests.
 *
 * <p>Threads: the view model and the views change only on the FX thread; views never call services,
 * only the action callback they are given ({@code controller.act(screen, action)}).
 */
package kr.smartsenior.edge.ui.views;
