/**
 * The exercise programs on the step mat and the distance sensor: step &amp; jump (스텝&amp;점프), balance
 * (밸런스) and high-intensity intervals (고강도 인터벌). Each session is a state machine over the same
 * sensor loop and events as the fitness tests: a briefing, a warm-up, play (with rests between
 * interval rounds), a cool-down and a result; stepping off the mat pauses it. What a session
 * shares with a fitness test (listeners, sensor subscription, segment clock, feet on the mat) comes
 * from {@code kr.smartsenior.edge.session}.
 *
 * <p>{@link kr.smartsenior.edge.exercise.ExercisePlan} reads what the member may do from the roster's
 * prescription (a program not listed is not allowed; each restriction's level caps, the same table
 * the server's rules use, {@link kr.smartsenior.protocol.RestrictionCode}), {@link kr.smartsenior.edge.exercise.ExerciseCoach} starts a session at the prescribed level,
 * the session adapts its tempo to the senior's hit rate, and every session that began, finished or
 * not, becomes one exercise record through the recorder ({@code Kiosk::record}).
 *
 * <p>Threads: sessions run on the {@link kr.smartsenior.edge.sensor.SensorLoop}; their actions may
 * be called from any thread and are handed to the loop; listeners are called on the loop.
 */
package kr.smartsenior.edge.exercise;
