package io.convlist.console;

import io.convlist.domain.AppSettings;
import io.convlist.store.app.AppSettingsStore;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** What every page about one app starts from: the signed-in operator, and the app or the not-found page. */
@RequestScoped
public class AppPages {

    @Inject
    AppSettingsStore settings;

    @Inject
    SecurityIdentity identity;

    public Operator operator() {
        return Operator.of(identity);
    }

    /** The app; if there is none of that ID, the request ends with the not-found page (404). */
    public AppSettings existing(String appId) {
        return AppResource.existing(settings, operator(), appId);
    }
}
