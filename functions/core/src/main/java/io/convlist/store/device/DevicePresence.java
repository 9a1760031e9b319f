package io.convlist.store.device;

import static io.convlist.store.table.Keys.*;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which of a user's devices are connected to the live channel: an item per device in the user's
 * devices partition ({@code d#APP#USER}), written when a connection opens and when it closes (locally
 * by the functions' WebSocket, on AWS by IoT Core's lifecycle events). Those events may come twice or
 * out of order, so each carries a version and the higher one wins (a close beats the open of the
 * same version). A connection whose close is never told ends by TTL: an open one when its token
 * expires (no connection outlives it), a closed one after {@link #CLOSED_KEPT}, long enough for its
 * own late open to lose. The console counts a user's connected devices with one Query; the stream's
 * consumer counts each app's ({@code devicesConnected}, UsageChanges).
 */
public final class DevicePresence {
    /** A closed device's item stays this long, so that a late event of the same connection still loses to it. */
    static final Duration CLOSED_KEPT = Duration.ofHours(1);

    private final TableRequests table;
    private final Clock clock;

    public DevicePresence(TableRequests table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * A device connected.
     *
     * @param version           orders this device's events (higher is later)
     * @param connectedUntilSec when the connection must end at the latest (its token's expiry), epoch seconds
     */
    public void connected(String appId, String userId, String device, long version, long connectedUntilSec) {
        write(appId, userId, device, version, true, connectedUntilSec, "#VERSION < :ver");
    }

    /** A device disconnected; {@code version} as its connection's, or higher. */
    public void disconnected(String appId, String userId, String device, long version) {
        long keptUntil = (clock.millis() + CLOSED_KEPT.toMillis()) / 1000;
        write(appId, userId, device, version, false, keptUntil, "#VERSION <= :ver");
    }

    /** How many of the user's devices are connected now: one Query of the user's devices partition. */
    public long connectedCount(String appId, String userId) {
        Expr e = new Expr();
        String filter = e.where("#CONNECTED = :yes AND #EXPIRES_AT > :now", "yes", true, "now", clock.millis() / 1000);
        return table.partOfList(devicesPk(appId, userId), DEVICE_SK_PREFIX, e, filter, SK).size();
    }

    private void write(String appId, String userId, String device, long version, boolean connected, long expiresAtSec,
            String newer) {
        Map<String, AttributeValue> item = new HashMap<>(Av.key(devicesPk(appId, userId), DEVICE_SK_PREFIX + device));
        item.put(CONNECTED, Av.bool(connected));
        item.put(VERSION, Av.n(version));
        item.put(EXPIRES_AT, Av.n(expiresAtSec));
        item.put(UPDATED_AT, Av.n(clock.millis()));
        Expr e = new Expr();
        String condition = e.where("attribute_not_exists(#PK) OR " + newer, "ver", version);
        try {
            table.putIf(item, e, condition);
        } catch (ConditionalCheckFailedException older) {
            // a later event of this device is stored already: this one changes nothing
        }
    }
}
