package io.convlist.console;

import java.util.List;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Ids;
import io.convlist.domain.Removal;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.ConversationFilter;
import io.convlist.view.ConversationPage;
import io.convlist.domain.list.PeerSetting;
import io.convlist.runtime.HttpStatuses;
import io.convlist.store.ConversationStore;
import io.convlist.store.list.ListState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A user's cloud list exactly as the functions serve it: same store, same order, expired ones hidden. */
@Path("/apps/{appId}/users")
@Produces(MediaType.TEXT_HTML)
public class UsersResource {
    static final int PAGE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Operator operator, AppSettings app, String userID, String error,
                ConversationPage page, ListState state, long totalUnread, long nextSeq, List<Removal> removals,
                List<PeerSetting> peerSettings, FilterForm filter, List<String> conversationGroups, long filteredUnread,
                long devicesConnected);
    }

    @Inject
    AppPages pages;

    @Inject
    ConversationStore conversations;

    @GET
    @RolesAllowed({ Operator.VIEWER, Operator.ADMIN })
    public Response show(@PathParam("appId") String appId, @QueryParam("userID") String userId,
            @QueryParam("nextSeq") @DefaultValue("0") String nextSeqRaw, @QueryParam("type") String type,
            @QueryParam("group") String group, @QueryParam("mark") String mark, @QueryParam("unread") String unread,
            @QueryParam("at") String at) {
        Operator operator = pages.operator();
        FilterForm form = FilterForm.of(type, group, mark, unread, at);
        AppSettings app = pages.existing(appId);
        if (userId == null || userId.isBlank()) {
            return Response.ok(Templates.list(operator, app, "", null, null, null, 0, 0, List.of(), List.of(), form,
                    List.of(), 0, 0)).build();
        }
        try {
            Ids.requireUserId("userID", userId);
            long nextSeq;
            try {
                nextSeq = Long.parseLong(nextSeqRaw);
            } catch (NumberFormatException e) {
                throw ServiceException.badRequest("nextSeq must be a number");
            }
            ConversationFilter filter = form.toFilter();
            ConversationPage page = conversations.listAsStored(appId, userId, nextSeq, PAGE, filter);
            ListState state = conversations.state(appId, userId);
            List<Removal> removals = conversations.removals(appId, userId);
            List<PeerSetting> peerSettings = conversations.peerSettings(appId, userId);
            if (state.stored() == 0 && state.bookkeptSlots() == 0 && removals.isEmpty() && peerSettings.isEmpty()) {
                return Response.status(404).entity(AppResource.Templates.notFound(operator,
                        "user " + userId + " (no conversations in the cloud) in app " + appId)).build();
            }
            long filteredUnread = filter == null ? 0 : conversations.unreadMatching(appId, userId, filter);
            return Response.ok(Templates.list(operator, app, userId, null, page, state,
                    conversations.totalUnread(appId, userId), page.nextSeq(), removals, peerSettings, form,
                    conversations.conversationGroups(appId, userId), filteredUnread, conversations.devices().connectedCount(appId, userId)))
                    .build();
        } catch (ServiceException e) {
            return Response.status(HttpStatuses.of(e.code()))
                    .entity(Templates.list(operator, app, userId, e.getMessage(), null, null, 0, 0, List.of(), List.of(),
                            form, List.of(), 0, 0)).build();
        }
    }
}
