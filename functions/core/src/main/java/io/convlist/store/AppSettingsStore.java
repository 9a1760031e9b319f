package io.convlist.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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

    /** A change of one setting, for the console's audit trail. */
    public record AuditEntry(long atMillis, String actor, String field, String oldValue, String newValue) {
    }

    /**
     * Stores validated settings (creating the app if it is new) and one audit entry per changed
     * field, in one transaction conditioned on the settings read, so concurrent changes never lose
     * an entry or each other.
     */
    public void put(AppSettings settings, String actor) {
        write(settings.validated(), actor, false);
    }

    /** Stores a new app; an existing appId is a conflict. */
    public void create(AppSettings settings, String actor) {
        write(settings.validated(), actor, true);
    }

    /** The app's settings if it has been created or configured. */
    public Optional<AppSettings> find(String appId) {
        Map<String, AttributeValue> item = Dynamo.call(() -> ddb.getItem(GetItemRequest.builder()
                .tableName(table).key(key(appId)).consistentRead(true).build())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(appId, item));
    }

    /** Every app that has settings, by appId. */
    public List<AppSettings> listApps() {
        List<AppSettings> apps = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":pk", Av.s(Keys.APPS_PK))).consistentRead(true)
                    .exclusiveStartKey(start).build();
            QueryResponse r = Dynamo.call(() -> ddb.query(request));
            for (Map<String, AttributeValue> item : r.items()) {
                apps.add(fromItem(item.get(Keys.SK).s(), item));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return apps;
    }

    /** The app's audit trail, newest first. */
    public List<AuditEntry> auditTrail(String appId, int max) {
        QueryResponse r = Dynamo.call(() -> ddb.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :audit)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Av.s(Keys.appPk(appId)), ":audit", Av.s(Keys.AUDIT_SK_PREFIX)))
                .scanIndexForward(false).limit(max).consistentRead(true).build()));
        return r.items().stream().map(i -> new AuditEntry(Av.num(i, Keys.UPDATED_AT, 0), Av.str(i, Keys.ACTOR),
                Av.str(i, Keys.FIELD), Av.str(i, Keys.OLD_VALUE), Av.str(i, Keys.NEW_VALUE))).toList();
    }

    private void write(AppSettings next, String actor, boolean mustBeNew) {
        Map<String, AttributeValue> oldItem = Dynamo.call(() -> ddb.getItem(GetItemRequest.builder()
                .tableName(table).key(key(next.appId())).consistentRead(true).build())).item();
        boolean exists = oldItem != null && !oldItem.isEmpty();
        if (mustBeNew && exists) {
            throw new ServiceException(ErrorCode.CONFLICT, "app " + next.appId() + " exists already");
        }
        AppSettings old = exists ? fromItem(next.appId(), oldItem) : null;
        long now = clock.millis();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(Keys.NAME, Av.s(next.name()));
        values.put(Keys.EDITION, Av.s(next.edition().name()));
        values.put(Keys.CONVERSATION_LIMIT, Av.n(next.conversationLimit()));
        values.put(Keys.RETENTION_DAYS, Av.n(next.retentionDays()));
        values.put(Keys.UPDATED_AT, Av.n(now));

        Map<String, AttributeValue> settingsItem = new HashMap<>(key(next.appId()));
        settingsItem.putAll(values);
        Put.Builder put = Put.builder().tableName(table).item(settingsItem);
        if (exists) {
            put.conditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", Keys.UPDATED_AT))
                    .expressionAttributeValues(Map.of(":u", oldItem.get(Keys.UPDATED_AT)));
        } else {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", Keys.PK));
        }
        Map<String, AttributeValue> indexItem = new HashMap<>(Av.key(Keys.APPS_PK, next.appId()));
        indexItem.putAll(values);
        List<TransactWriteItem> tx = new ArrayList<>();
        tx.add(TransactWriteItem.builder().put(put.build()).build());
        tx.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(indexItem).build()).build());
        int n = 0;
        for (String[] change : changes(old, next)) {
            Map<String, AttributeValue> audit = new HashMap<>(Av.key(Keys.appPk(next.appId()),
                    Keys.AUDIT_SK_PREFIX + String.format("%015d", now) + "#" + (n++) + "#" + UUID.randomUUID()));
            audit.put(Keys.UPDATED_AT, Av.n(now));
            audit.put(Keys.ACTOR, Av.s(actor));
            audit.put(Keys.FIELD, Av.s(change[0]));
            if (change[1] != null) {
                audit.put(Keys.OLD_VALUE, Av.s(change[1]));
            }
            audit.put(Keys.NEW_VALUE, Av.s(change[2]));
            tx.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(audit).build()).build());
        }
        try {
            Dynamo.call(() -> ddb.transactWriteItems(b -> b.transactItems(tx)));
        } catch (TransactionCanceledException raced) {
            throw new ServiceException(ErrorCode.CONFLICT, "the settings of " + next.appId()
                    + " changed meanwhile; reload and try again");
        }
        remember(next);
    }

    /** {field, old, new} for each setting that differs; every field for a new app (old null). */
    private static List<String[]> changes(AppSettings old, AppSettings next) {
        List<String[]> out = new ArrayList<>();
        addIfChanged(out, "name", old == null ? null : old.name(), next.name());
        addIfChanged(out, "edition", old == null ? null : old.edition().name(), next.edition().name());
        addIfChanged(out, "conversationLimit", old == null ? null : String.valueOf(old.conversationLimit()),
                String.valueOf(next.conversationLimit()));
        addIfChanged(out, "retentionDays", old == null ? null : String.valueOf(old.retentionDays()),
                String.valueOf(next.retentionDays()));
        return out;
    }

    private static void addIfChanged(List<String[]> out, String field, String oldValue, String newValue) {
        if (!java.util.Objects.equals(oldValue, newValue)) {
            out.add(new String[] { field, oldValue, newValue });
        }
    }
}
