package io.convlist.console;

import java.net.URI;
import java.util.List;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.ServiceException;
import io.convlist.runtime.HttpStatuses;
import io.convlist.store.app.AppSettingsStore.AuditEntry;
import io.convlist.store.app.AppSettingsStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One app's settings: edition, cloud limit (standard: 100, fixed; flagship: 100 to 500),
 * retention (1 to 30 days) and the large-group threshold, with the audit trail of every change. A change takes effect for the
 * functions at once (their list and creation paths read settings fresh; the message path's retention
 * within its cache bound of a few seconds).
 */
@Path("/apps/{appId}")
@Produces(MediaType.TEXT_HTML)
public class AppResource {
    static final int AUDIT_SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        /** @param version the settings' version the form shows (an update applies only to it) */
        static native TemplateInstance settings(Operator operator, AppSettings app, List<AuditEntry> audit, String error,
                String edition, String conversationLimit, String retentionDays, String largeGroupThreshold, long version);

        static native TemplateInstance notFound(Operator operator, String what);
    }

    @Inject
    AppSettingsStore settings;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Operator.VIEWER, Operator.ADMIN })
    public Response show(@PathParam("appId") String appId) {
        existing(settings, Operator.of(identity), appId);
        AppSettingsStore.Versioned shown = settings.getVersioned(appId);
        AppSettings a = shown.settings();
        return Response.ok(Templates.settings(Operator.of(identity), a, settings.auditTrail(appId, AUDIT_SHOWN), null,
                a.edition().name(), String.valueOf(a.conversationLimit()), String.valueOf(a.retentionDays()),
                String.valueOf(a.largeGroupThreshold()), shown.changedAtMillis())).build();
    }

    @POST
    @RolesAllowed(Operator.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("appId") String appId, @FormParam("edition") String edition,
            @FormParam("conversationLimit") String conversationLimit, @FormParam("retentionDays") String retentionDays,
            @FormParam("largeGroupThreshold") String largeGroupThreshold, @FormParam("version") String version) {
        AppSettings app = existing(settings, Operator.of(identity), appId);
        try {
            Edition e = Forms.edition(edition);
            int limit = Forms.wholeNumber("the limit", conversationLimit);
            int retention = Forms.wholeNumber("the retention", retentionDays);
            // A form without the field (an older page) keeps the threshold as it is.
            int threshold = largeGroupThreshold == null ? app.largeGroupThreshold()
                    : Forms.wholeNumber("the large-group threshold", largeGroupThreshold);
            AppSettings next = new AppSettings(appId, app.name(), e, limit, retention, threshold).validated();
            // Only over the version the form showed: a colleague's newer change is never overwritten unseen.
            settings.put(next, identity.getPrincipal().getName(), Forms.version(version));
            return Response.seeOther(URI.create("/apps/" + appId)).build();
        } catch (ServiceException e) {
            return Response.status(HttpStatuses.of(e.code())).entity(Templates.settings(Operator.of(identity), app,
                    settings.auditTrail(appId, AUDIT_SHOWN), e.getMessage(), edition, conversationLimit, retentionDays,
                    largeGroupThreshold, settings.getVersioned(appId).changedAtMillis())).build();
        }
    }

    /** The app's settings; for an app that does not exist, the request ends with the not-found page (404). */
    static AppSettings existing(AppSettingsStore settings, Operator operator, String appId) {
        return settings.find(appId).orElseThrow(() -> new WebApplicationException(
                Response.status(404).entity(Templates.notFound(operator, "app " + appId)).build()));
    }
}
