/**
 * What a guided session on the sensor loop is made of, shared by a fitness test's protocol
 * ({@code measure}) and an exercise program ({@code exercise}) by composition: its listeners, told
 * in turn so one that throws stops nothing ({@link kr.smartsenior.edge.session.GuardedListeners});
 * its hold on the sensors while it runs ({@link kr.smartsenior.edge.session.SensorSubscription});
 * stretches of loop time that end by themselves and may pause
 * ({@link kr.smartsenior.edge.session.SegmentClock}); and where the senior's feet are on the mat
 * ({@link kr.smartsenior.edge.session.MatPresence}).
 *
 * <p>Threads: everything here runs on the {@link kr.smartsenior.edge.sensor.SensorLoop}, except
 * adding a listener, which is safe from any thread.
 */
package kr.smartsenior.edge.session;
