package io.convlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import io.convlist.store.app.AppSettingsStore.AuditEntry;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testing.Api;
import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Per-app settings as the console changes them: defaults, creation, validation and the audit trail. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class AppSettingsStoreTest {
    @Inject
    AppSettingsStore settings;

    @Test
    void unknownApp_getsStandardDefaults() {
        String app = Api.newApp();
        assertThat(settings.get(app)).isEqualTo(AppSettings.defaults(app));
        assertThat(settings.find(app)).isEmpty();
    }

    @Test
    void create_thenChanges_areAuditedNewestFirst_andListed() {
        String app = Api.newApp();
        settings.create(new AppSettings(app, "Demo", Edition.STANDARD, 100, 7), "root");
        assertThatThrownBy(() -> settings.create(new AppSettings(app, "Again", Edition.STANDARD, 100, 7), "root"))
                .isInstanceOf(ServiceException.class).extracting(e -> ((ServiceException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        settings.put(new AppSettings(app, "Demo", Edition.FLAGSHIP, 300, 14), "ops");
        settings.put(new AppSettings(app, "Demo", Edition.FLAGSHIP, 300, 14), "ops"); // no change, no entry

        List<AuditEntry> trail = settings.auditTrail(app, 50);
        assertThat(trail).extracting(AuditEntry::field).containsExactly(
                "retentionDays", "conversationLimit", "edition", // the change, newest first
                "largeGroupThreshold", "retentionDays", "conversationLimit", "edition", "name"); // the creation
        assertThat(trail.get(1)).extracting(AuditEntry::actor, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly("ops", "100", "300");
        assertThat(settings.listApps()).extracting(AppSettings::appId).contains(app);
        assertThat(settings.get(app).conversationLimit()).isEqualTo(300);
    }

    @Test
    void invalidSettings_areRefused_andChangeNothing() {
        String app = Api.newApp();
        settings.create(new AppSettings(app, "Demo", Edition.FLAGSHIP, 200, 7), "root");
        for (AppSettings bad : List.of(new AppSettings(app, "Demo", Edition.FLAGSHIP, 501, 7),
                new AppSettings(app, "Demo", Edition.STANDARD, 300, 7), new AppSettings(app, "Demo", Edition.FLAGSHIP, 200, 31),
                new AppSettings(app, "Demo", Edition.FLAGSHIP, 200, 7, 1))) {
            assertThatThrownBy(() -> settings.put(bad, "ops")).isInstanceOf(ServiceException.class);
        }
        assertThat(settings.get(app)).isEqualTo(new AppSettings(app, "Demo", Edition.FLAGSHIP, 200, 7));
        assertThat(settings.auditTrail(app, 50)).hasSize(5); // the creation's
    }
}
