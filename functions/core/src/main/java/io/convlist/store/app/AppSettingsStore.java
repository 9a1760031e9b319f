package io.convlist.store.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.RetentionHistory;
import io.convlist.store.item.AppSettingsItem;
import io.convlist.store.item.AuditItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Dynamo;
import io.convlist.store.table.Expr;
import io.convlist.store.table.Keys;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Per-app settings. The functions' paths take them from {@link #cached}, a per-instance copy at most
 * {@code cacheFor} old (a few seconds): no request reads the app's one settings item, which would be
 * a hot key (one partition serves at most 3,000 read units a second for all of an app's users). A
 * change reaches every instance within that bound; the instance that made it sees it at once. The
 * console (cache 0) and the TTL consumer read them fresh.
 */
public final class AppSettingsStore {
    private final Clock clock;
    private final Duration cacheFor;
    private final DynamoDbTable<AppSettingsItem> items;
    private final DynamoDbTable<AuditItem> audit;
    private final TableRequests table;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Versioned versioned, long loadedAtMillis) {
    }

    /**
     * Settings with the time they last changed (0 for an app that has none stored), and the history of
     * the retention that device sync's cursors read by.
     */
    public record Versioned(AppSettings settings, long changedAtMillis, RetentionHistory retention) {
    }

    /** A change of one setting, for the console's audit trail. */
    public record AuditEntry(long atMillis, String actor, String field, String oldValue, String newValue) {
    }

    public AppSettingsStore(DynamoDbClient ddb, String table, Clock clock, Duration cacheFor) {
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.table = new TableRequests(ddb, table);
        this.items = this.table.mapped(Schemas.APP_SETTINGS);
        this.audit = this.table.mapped(Schemas.AUDIT);
    }

    /** The stored settings, or the standard defaults for an app that has none. */
    public AppSettings get(String appId) {
        return getVersioned(appId).settings();
    }

    /** The stored settings and when they last changed, read consistently. */
    public Versioned getVersioned(String appId) {
        return remember(versioned(appId, read(appId)));
    }

    /** Settings at most {@code cacheFor} old (read when the copy is older). */
    public AppSettings cached(String appId) {
        return cachedVersioned(appId).settings();
    }

    /** As {@link #cached}, with the time they last changed (device sync's cursors depend on it). */
    public Versioned cachedVersioned(String appId) {
        Cached c = cache.get(appId);
        if (c != null && clock.millis() - c.loadedAtMillis() < cacheFor.toMillis()) {
            return c.versioned();
        }
        return getVersioned(appId);
    }

    private static Versioned versioned(String appId, AppSettingsItem item) {
        AppSettings settings = toSettings(appId, item);
        if (item == null) {
            return new Versioned(settings, 0, RetentionHistory.unchanged(settings.retentionDays()));
        }
        long changedAt = item.getRetentionChangedAt() == null ? 0 : item.getRetentionChangedAt();
        int before = item.getRetentionBefore() == null ? settings.retentionDays() : item.getRetentionBefore();
        return new Versioned(settings, item.getUpdatedAt() == null ? 0 : item.getUpdatedAt(),
                new RetentionHistory(settings.retentionDays(), changedAt, before));
    }

    private Versioned remember(Versioned versioned) {
        cache.put(versioned.settings().appId(), new Cached(versioned, clock.millis()));
        return versioned;
    }

    /**
     * Stores validated settings and one audit entry per changed field, in one transaction
     * conditioned on the settings read, so concurrent changes never lose an entry or each other.
     */
    public void put(AppSettings settings, String actor) {
        write(settings.validated(), actor, false, null);
    }

    /**
     * As {@link #put}, only if the settings are still the version the operator saw (their last
     * change's time, from {@link #getVersioned}); CONFLICT otherwise, and nothing is written.
     */
    public void put(AppSettings settings, String actor, long seenVersion) {
        write(settings.validated(), actor, false, seenVersion);
    }

    /** Stores a new app; an existing appId is a conflict. */
    public void create(AppSettings settings, String actor) {
        write(settings.validated(), actor, true, null);
    }

    /** The app's settings if it has been created or configured. */
    public Optional<AppSettings> find(String appId) {
        return Optional.ofNullable(read(appId)).map(item -> toSettings(appId, item));
    }

    /** Every app that has settings, by appId (the apps index partition). */
    public List<AppSettings> listApps() {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder().consistentRead(true)
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(Keys.APPS_PK).build())).build();
        return Dynamo.call(() -> items.query(request).items().stream().map(i -> toSettings(i.getSk(), i)).toList());
    }

    /** The app's audit trail, newest first: one Query of at most {@code max} entries. */
    public List<AuditEntry> auditTrail(String appId, int max) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder().consistentRead(true).scanIndexForward(false).limit(max)
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(Keys.appPk(appId))
                        .sortValue(Keys.AUDIT_SK_PREFIX).build())).build();
        return Dynamo.call(() -> audit.query(request).iterator().next().items().stream()
                .map(i -> new AuditEntry(i.getUpdatedAt() == null ? 0 : i.getUpdatedAt(), i.getActor(), i.getField(),
                        i.getOldValue(), i.getNewValue()))
                .toList());
    }

    private AppSettingsItem read(String appId) {
        return Dynamo.call(() -> items.getItem(r -> r.key(Key.builder().partitionValue(Keys.appPk(appId))
                .sortValue(Keys.SETTINGS_SK).build()).consistentRead(true)));
    }

    private static AppSettings toSettings(String appId, AppSettingsItem item) {
        AppSettings defaults = AppSettings.defaults(appId);
        if (item == null) {
            return defaults;
        }
        return new AppSettings(appId, item.getName() == null ? appId : item.getName(),
                item.getEdition() == null ? defaults.edition() : Edition.valueOf(item.getEdition()),
                item.getConversationLimit() == null ? defaults.conversationLimit() : item.getConversationLimit(),
                item.getRetentionDays() == null ? defaults.retentionDays() : item.getRetentionDays(),
                item.getLargeGroupThreshold() == null ? defaults.largeGroupThreshold() : item.getLargeGroupThreshold());
    }

    private void write(AppSettings next, String actor, boolean mustBeNew, Long seenVersion) {
        AppSettingsItem stored = read(next.appId());
        if (mustBeNew && stored != null) {
            throw new ServiceException(ErrorCode.CONFLICT, "app " + next.appId() + " exists already");
        }
        long storedVersion = stored == null || stored.getUpdatedAt() == null ? 0 : stored.getUpdatedAt();
        if (seenVersion != null && seenVersion != storedVersion) {
            throw changedMeanwhile(next.appId());
        }
        long now = clock.millis();
        // An app created with the defaults' retention, or changed in another setting, leaves sync's cursors valid.
        RetentionHistory retention = versioned(next.appId(), stored).retention().changedTo(next.retentionDays(), now);
        // Conditioned on the version read: a concurrent change cancels this one instead of being overwritten.
        Expr e = new Expr();
        Expression unchanged = e.enhanced(stored == null ? e.where("attribute_not_exists(#PK)")
                : e.where("#UPDATED_AT = :updatedAt", "updatedAt", stored.getUpdatedAt()));
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(items, TransactPutItemEnhancedRequest.builder(AppSettingsItem.class)
                        .item(settingsItem(Keys.appPk(next.appId()), Keys.SETTINGS_SK, next, now, retention))
                        .conditionExpression(unchanged).build())
                .addPutItem(items, settingsItem(Keys.APPS_PK, next.appId(), next, now, retention));
        int n = 0;
        for (String[] change : changes(stored == null ? null : toSettings(next.appId(), stored), next)) {
            AuditItem entry = new AuditItem();
            entry.setPk(Keys.appPk(next.appId()));
            entry.setSk(Keys.AUDIT_SK_PREFIX + String.format("%015d", now) + "#" + (n++) + "#" + UUID.randomUUID());
            entry.setUpdatedAt(now);
            entry.setActor(actor);
            entry.setField(change[0]);
            entry.setOldValue(change[1]);
            entry.setNewValue(change[2]);
            tx.addPutItem(audit, entry);
        }
        try {
            Dynamo.call(() -> {
                table.enhanced.transactWriteItems(tx.build());
                return null;
            });
        } catch (TransactionCanceledException raced) {
            throw changedMeanwhile(next.appId());
        }
        remember(new Versioned(next, now, retention));
    }

    private static ServiceException changedMeanwhile(String appId) {
        return new ServiceException(ErrorCode.CONFLICT, "the settings of " + appId + " changed meanwhile; reload and try again");
    }

    private static AppSettingsItem settingsItem(String pk, String sk, AppSettings s, long now, RetentionHistory retention) {
        AppSettingsItem item = new AppSettingsItem();
        item.setPk(pk);
        item.setSk(sk);
        item.setName(s.name());
        item.setEdition(s.edition().name());
        item.setConversationLimit(s.conversationLimit());
        item.setRetentionDays(s.retentionDays());
        item.setLargeGroupThreshold(s.largeGroupThreshold());
        item.setUpdatedAt(now);
        if (retention.changedAtMillis() != 0) {
            item.setRetentionChangedAt(retention.changedAtMillis());
            item.setRetentionBefore(retention.lowestBefore());
        }
        return item;
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
        addIfChanged(out, "largeGroupThreshold", old == null ? null : String.valueOf(old.largeGroupThreshold()),
                String.valueOf(next.largeGroupThreshold()));
        return out;
    }

    private static void addIfChanged(List<String[]> out, String field, String oldValue, String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            out.add(new String[] { field, oldValue, newValue });
        }
    }
}
