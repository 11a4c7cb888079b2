package kr.smartsenior.edge.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A batch link the test switches up and down by hand; keeps the batches published. */
final class FakeLink implements BatchLink {

    final List<byte[]> measurements = new CopyOnWriteArrayList<>();
    private volatile Listener listener;
    private volatile boolean up;
    volatile boolean refusing;

    @Override
    public void start(Listener listener) {
        this.listener = listener;
    }

    void goUp() {
        up = true;
        listener.linkUp();
    }

    void goDown() {
        up = false;
        listener.linkDown();
    }

    @Override
    public boolean connected() {
        return up;
    }

    @Override
    public boolean publishBatch(byte[] payload) {
        if (!up || refusing) {
            return false;
        }
        measurements.add(payload);
        return true;
    }

    @Override
    public void close() {
        up = false;
    }
}
