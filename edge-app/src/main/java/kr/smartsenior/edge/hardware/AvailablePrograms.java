package kr.smartsenior.edge.hardware;

import java.util.List;
import java.util.function.Consumer;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * The exercise programs on the real devices, offered only while the step mat works: every program
 * plays on it, so without it none is offered (the screens say the mat is being checked) instead of
 * being offered and then refused at its start. Asked each time 운동하기 is chosen, so a mat that comes
 * back is used at once; like {@link AvailableTests} for the tests.
 */
final class AvailablePrograms implements ExercisePrograms {

    private final ExercisePrograms programs;
    private final MissingDevices devices;

    AvailablePrograms(ExercisePrograms programs, MissingDevices devices) {
        this.programs = programs;
        this.devices = devices;
    }

    @Override
    public boolean outOfOrder() {
        return !devices.works(Sensors.STEP_MAT);
    }

    @Override
    public List<Offer> offers(KioskPrescription prescription) {
        return outOfOrder() ? List.of() : programs.offers(prescription);
    }

    @Override
    public ExerciseRun start(Offer offer, String memberId, Consumer<MeasurementRecord> recorder,
            Consumer<ExerciseEvent> events) {
        return programs.start(offer, memberId, recorder, events);
    }
}
