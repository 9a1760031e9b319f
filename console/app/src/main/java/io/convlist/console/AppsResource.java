package io.convlist.console;

import java.net.URI;
import java.util.List;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;
import io.convlist.runtime.HttpStatuses;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every app with its edition, limit and retention; admins create apps here. */
@Path("/apps")
@Produces(MediaType.TEXT_HTML)
public class AppsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Operator operator, List<AppSettings> apps, String error, String appId, String name,
                String edition);
    }

    @Inject
    AppSettingsStore settings;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Operator.VIEWER, Operator.ADMIN })
    public TemplateInstance list() {
        return Templates.list(Operator.of(identity), settings.listApps(), null, "", "", Edition.STANDARD.name());
    }

    @POST
    @RolesAllowed(Operator.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("appId") String appId, @FormParam("name") String name,
            @FormParam("edition") String edition) {
        try {
            Ids.requireAppId("appId", appId);
            String shown = name == null || name.isBlank() ? appId : name.trim();
            AppSettings app = new AppSettings(appId, shown, Forms.edition(edition), Limits.STANDARD_CONVERSATION_LIMIT,
                    Limits.DEFAULT_RETENTION_DAYS);
            settings.create(app, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/apps/" + appId)).build();
        } catch (ServiceException e) {
            return Response.status(HttpStatuses.of(e.code())).entity(Templates.list(Operator.of(identity), settings.listApps(),
                    e.getMessage(), appId, name, edition)).build();
        }
    }
}
