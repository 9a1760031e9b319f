package io.convlist.client.transport;

import io.convlist.client.wire.LiveFrame;

/** The live channel: a connection per device that pushes its list's changes. */
public interface LiveChannel {

    /** What a connection reports, on the transport's threads. */
    interface Handler {
        void opened();

        void frame(LiveFrame frame);

        /** The connection ended, once, whoever ended it: the service (its close code), the network (0), or the device. */
        void closed(int code, String reason);
    }

    /** An open (or opening) connection. */
    interface Connection {
        void close();
    }

    Connection open(Handler handler);
}
