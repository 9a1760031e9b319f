package io.convlist.store;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Per-app settings. Paths that read anyway (creating a conversation, reading a list) take the
 * stored item fresh in the same request, so a lowered limit shows at once. The message hot path
 * reads nothing and takes the retention from {@link #cached}, whose staleness is bounded by
 * {@code cacheFor} (a few seconds): a retention change reaches new writes within that bound.
 */
public final class AppSettingsStore {
    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(AppSettings settings, long loadedAtMillis) {
    }

    public AppSettingsStore(DynamoDbClient ddb, String table, Clock clock, Duration cacheFor) {
        this.ddb = ddb;
        this.table = table;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    static Map<String, AttributeValue> key(String appId) {
        return Av.key(Keys.appPk(appId), Keys.SETTINGS_SK);
    }

    /** The stored settings, or the standard defaults for an app that has none. */
    public AppSettings get(String appId) {
        Map<String, AttributeValue> item = Dynamo.call(() -> ddb.getItem(GetItemRequest.builder()
                .tableName(table).key(key(appId)).consistentRead(true).build())).item();
        return remember(fromItem(appId, item));
    }

    /** Settings at most {@code cacheFor} old; used where a read would break the cost budget. */
    public AppSettings cached(String appId) {
        Cached c = cache.get(appId);
        if (c != null && clock.millis() - c.loadedAtMillis() < cacheFor.toMillis()) {
            return c.settings();
        }
        return get(appId);
    }

    AppSettings remember(AppSettings settings) {
        cache.put(settings.appId(), new Cached(settings, clock.millis()));
        return settings;
    }

    static AppSettings fromItem(String appId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return AppSettings.defaults(appId);
        }
        AppSettings defaults = AppSettings.defaults(appId);
        String edition = Av.str(item, Keys.EDITION);
        String name = Av.str(item, Keys.NAME);
        return new AppSettings(appId, name == null ? appId : name,
                edition == null ? defaults.edition() : Edition.valueOf(edition),
                (int) Av.num(item, Keys.CONVERSATION_LIMIT, defaults.conversationLimit()),
                (int) Av.num(item, Keys.RETENTION_DAYS, defaults.retentionDays()));
    }

    /** Stores validated settings, replacing what was there. */
    public void put(AppSettings settings) {
        write(settings.validated(), false);
    }

    /** Stores a new app; an existing appId is a conflict. */
    public void create(AppSettings settings) {
        try {
            write(settings.validated(), true);
        } catch (ConditionalCheckFailedException exists) {
            throw new ServiceException(ErrorCode.CONFLICT, "app " + settings.appId() + " exists already");
        }
    }

    private void write(AppSettings s, boolean mustBeNew) {
        Map<String, AttributeValue> item = new HashMap<>(key(s.appId()));
        item.put(Keys.NAME, Av.s(s.name()));
        item.put(Keys.EDITION, Av.s(s.edition().name()));
        item.put(Keys.CONVERSATION_LIMIT, Av.n(s.conversationLimit()));
        item.put(Keys.RETENTION_DAYS, Av.n(s.retentionDays()));
        item.put(Keys.UPDATED_AT, Av.n(clock.millis()));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (mustBeNew) {
            put.conditionExpression("attribute_not_exists(" + Keys.PK + ")");
        }
        Dynamo.call(() -> ddb.putItem(put.build()));
        remember(s);
    }
}
