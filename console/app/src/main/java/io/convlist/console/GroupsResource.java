package io.convlist.console;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Ids;
import io.convlist.domain.ServiceException;
import io.convlist.domain.message.GroupActivity;
import io.convlist.runtime.HttpStatuses;
import io.convlist.store.ConversationStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A group as the membership calls recorded it: its member count, and how its messages reach the lists. */
@Path("/apps/{appId}/groups")
@Produces(MediaType.TEXT_HTML)
public class GroupsResource {

    @CheckedTemplate
    static class Templates {
        /** @param group null when no group is asked for */
        static native TemplateInstance group(Operator operator, AppSettings app, String groupID, String error, GroupActivity group);
    }

    @Inject
    AppPages pages;

    @Inject
    ConversationStore conversations;

    @GET
    @RolesAllowed({ Operator.VIEWER, Operator.ADMIN })
    public Response show(@PathParam("appId") String appId, @QueryParam("groupID") String groupId) {
        Operator operator = pages.operator();
        AppSettings app = pages.existing(appId);
        if (groupId == null || groupId.isBlank()) {
            return Response.ok(Templates.group(operator, app, "", null, null)).build();
        }
        try {
            Ids.requireGroupId("groupID", groupId);
            return Response.ok(Templates.group(operator, app, groupId, null, conversations.group(appId, groupId))).build();
        } catch (ServiceException e) {
            return Response.status(HttpStatuses.of(e.code())).entity(Templates.group(operator, app, groupId, e.getMessage(), null))
                    .build();
        }
    }
}
