package io.convlist.client;

import java.util.SplittableRandom;

import io.convlist.client.transport.LiveChannel;
import io.convlist.client.wire.LiveFrame;

/** A live channel that loses frames at random, and whose connection the test can drop: what a mobile network does. */
final class DroppingLive implements LiveChannel {
    private final LiveChannel real;
    private final SplittableRandom random;
    private final double lost;
    private volatile Connection connection;

    DroppingLive(LiveChannel real, long seed, double lost) {
        this.real = real;
        this.random = new SplittableRandom(seed);
        this.lost = lost;
    }

    @Override
    public Connection open(Handler handler) {
        Handler lossy = new Handler() {
            @Override
            public void opened() {
                handler.opened();
            }

            @Override
            public void frame(LiveFrame frame) {
                boolean drop;
                synchronized (random) {
                    drop = random.nextDouble() < lost;
                }
                if (!drop) {
                    handler.frame(frame);
                }
            }

            @Override
            public void closed(int code, String reason) {
                handler.closed(code, reason);
            }
        };
        connection = real.open(lossy);
        return connection;
    }

    /** The network drops the connection: the device hears it closed, and makes it again. */
    void dropConnection() {
        Connection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
