package io.convlist.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Ids;
import io.convlist.domain.ServiceException;
import io.convlist.store.ConversationStore;
import io.convlist.store.usage.UsageCounters.BusyUser;
import io.convlist.store.usage.UsageCounters;
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

/**
 * An app's dashboard: the figures an operator asks for first, read from the usage counters the
 * stream consumer keeps (three reads by key and one Query a view, whatever the table's size): the lists,
 * the last 30 days, the busiest users of today and yesterday; and the users whose ID starts with what
 * the operator typed.
 */
@Path("/apps/{appId}/usage")
@Produces(MediaType.TEXT_HTML)
public class UsageResource {
    static final int USERS_SHOWN = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance usage(Operator operator, AppSettings app, UsageView usage, List<BusyUser> busiestToday,
                List<BusyUser> busiestYesterday, String prefix, List<String> users, String error);
    }

    @Inject
    AppPages pages;

    @Inject
    ConversationStore conversations;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Operator.VIEWER, Operator.ADMIN })
    public Response show(@PathParam("appId") String appId, @QueryParam("prefix") String prefix) {
        Operator operator = pages.operator();
        AppSettings app = pages.existing(appId);
        UsageCounters counters = conversations.usage();
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        UsageView usage = UsageView.of(counters.allTime(appId), counters.days(appId, today.minusDays(UsageView.DAYS - 1), today), today,
                app.conversationLimit());
        List<BusyUser> busiestToday = counters.busiest(appId, today);
        List<BusyUser> busiestYesterday = counters.busiest(appId, today.minusDays(1));
        String typed = prefix == null ? "" : prefix.strip();
        if (typed.isEmpty()) {
            return Response.ok(Templates.usage(operator, app, usage, busiestToday, busiestYesterday, "", List.of(), null)).build();
        }
        try {
            Ids.requireUserId("prefix", typed);
            return Response.ok(Templates.usage(operator, app, usage, busiestToday, busiestYesterday, typed,
                    counters.usersStartingWith(appId, typed, USERS_SHOWN), null)).build();
        } catch (ServiceException e) {
            return Response.status(400).entity(Templates.usage(operator, app, usage, busiestToday, busiestYesterday, typed,
                    List.of(), e.getMessage())).build();
        }
    }
}
