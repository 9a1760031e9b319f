package io.convlist.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.Limits;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.table.Keys;
import io.convlist.store.usage.UsageChanges;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every route, role and validation of the console, over HTTP with real sign-in and CSRF tokens. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class ConsoleTest {
    @Inject
    MutableClock clock;

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    AppSettingsStore settings;

    @Inject
    ConversationStore conversations;

    /** A browser-like session: cookies kept, signed in as the given operator. */
    static CookieFilter signIn(String user, String password) {
        CookieFilter cookies = new CookieFilter();
        Response r = signInAttempt(cookies, user, password);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/apps");
        String setCookie = r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("convlist-session=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        return cookies;
    }

    /** Posts the sign-in form as a browser would: opened first (its CSRF token and cookie), then submitted. */
    static Response signInAttempt(CookieFilter cookies, String user, String password) {
        return post(cookies, "/login", csrfToken(cookies, "/login"), Map.of("username", user, "password", password));
    }

    static String csrfToken(CookieFilter session, String page) {
        String html = given().filter(session).get(page).then().statusCode(200).extract().asString();
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field on " + page).isTrue();
        return m.group(1);
    }

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    /** The settings form's hidden fields as the page shows them: {CSRF token, version}. */
    static String[] settingsFormFields(CookieFilter session, String app) {
        String html = given().filter(session).get("/apps/" + app).then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(html);
        Matcher version = VERSION.matcher(html);
        assertThat(csrf.find() && version.find()).as("the settings form's hidden fields").isTrue();
        return new String[] {csrf.group(1), version.group(1)};
    }

    /** Submits the settings form as opened now, with the given fields. */
    static Response postSettings(CookieFilter session, String app, Map<String, String> fields) {
        String[] hidden = settingsFormFields(session, app);
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("version", hidden[1]);
        return post(session, "/apps/" + app, hidden[0], form);
    }

    static Response post(CookieFilter session, String path, String csrf, Map<String, String> form) {
        var request = given().filter(session).redirects().follow(false).contentType(ContentType.URLENC).formParams(form);
        if (csrf != null) {
            request = request.formParam("csrf-token", csrf);
        }
        return request.post(path);
    }

    static String newAppId() {
        return "app" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void readiness_answersWithoutSignIn_whenTheTableIsReachable() {
        Response ready = given().redirects().follow(false).get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.jsonPath().getString("status")).isEqualTo("UP");
        assertThat(ready.jsonPath().getString("checks[0].name")).isEqualTo("table");
    }

    @Test
    void signedOut_isSentToSignIn_andWrongPasswordIsRefused() {
        Response r = given().redirects().follow(false).get("/apps");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
        Response wrong = signInAttempt(new CookieFilter(), "admin", "nope");
        assertThat(wrong.statusCode()).isEqualTo(303);
        assertThat(wrong.header("Location")).contains("/login?error");
        assertThat(wrong.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("convlist-session="));
        // A body that is not the login form is refused cleanly, and so is a form without its CSRF token.
        for (String type : List.of("application/json", "text/plain", "application/octet-stream")) {
            int status = given().redirects().follow(false).contentType(type)
                    .body("username=admin&password=admin-pass".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/login").statusCode();
            assertThat(status).as(type).isBetween(400, 415);
        }
        Response noToken = post(new CookieFilter(), "/login", null, Map.of("username", "admin", "password", "admin-pass"));
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(noToken.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("convlist-session="));
    }

    @Test
    void admin_createsAppAndMakesItFlagship300_auditTrailShowsWhoAndWhat() {
        CookieFilter admin = signIn("admin", "admin-pass");
        String app = newAppId();
        Response created = post(admin, "/apps", csrfToken(admin, "/apps"), Map.of("appId", app, "name", "Demo", "edition", "STANDARD"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(given().filter(admin).get("/apps").asString()).contains(app);

        Response saved = postSettings(admin, app, Map.of("edition", "FLAGSHIP", "conversationLimit", "300", "retentionDays", "14",
                "largeGroupThreshold", "500"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(settings.get(app)).isEqualTo(new AppSettings(app, "Demo", Edition.FLAGSHIP, 300, 14, 500));
        String page = given().filter(admin).get("/apps/" + app).asString();
        assertThat(page).contains("id=\"limit\">300<").contains("<td>admin</td><td>conversationLimit</td><td>100</td><td>300</td>")
                .contains("id=\"threshold\">500<").contains("<td>admin</td><td>largeGroupThreshold</td><td>" + Limits.LARGE_GROUP_THRESHOLD_DEFAULT + "</td><td>500</td>");
    }

    @Test
    void invalidSettings_areAnsweredOnTheForm_andChangeNothing() {
        CookieFilter admin = signIn("admin", "admin-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.FLAGSHIP, 200, 7), "setup");
        record Case(String edition, String limit, String retention, String message) {
        }
        for (Case c : List.of(new Case("FLAGSHIP", "501", "7", "between 100 and 500"), new Case("FLAGSHIP", "99", "7", "between 100 and 500"),
                new Case("FLAGSHIP", "-1", "7", "between 100 and 500"), new Case("FLAGSHIP", "abc", "7", "whole number"),
                new Case("FLAGSHIP", "", "7", "required"), new Case("STANDARD", "200", "7", "fixed at 100"),
                new Case("FLAGSHIP", "200", "0", "between 1 and 30"), new Case("FLAGSHIP", "200", "31", "between 1 and 30"),
                new Case("GOLD", "200", "7", "STANDARD or FLAGSHIP"))) {
            Response r = postSettings(admin, app, Map.of("edition", c.edition(), "conversationLimit", c.limit(), "retentionDays", c.retention()));
            assertThat(r.statusCode()).as(c.toString()).isEqualTo(400);
            assertThat(r.asString()).as(c.toString()).contains("id=\"error\"").contains(c.message());
        }
        assertThat(settings.get(app)).isEqualTo(new AppSettings(app, app, Edition.FLAGSHIP, 200, 7));
        Response threshold = postSettings(admin, app, Map.of("edition", "FLAGSHIP", "conversationLimit", "200", "retentionDays", "7",
                "largeGroupThreshold", "1"));
        assertThat(threshold.statusCode()).isEqualTo(400);
        assertThat(threshold.asString()).contains("id=\"error\"").contains("between 2 and 1000000 members");
        assertThat(settings.get(app)).isEqualTo(new AppSettings(app, app, Edition.FLAGSHIP, 200, 7));
        assertThat(settings.auditTrail(app, 100)).hasSize(5); // the creation only
    }

    @Test
    void staleSettingsForm_is409_andTheColleaguesNewerChangeStands() {
        CookieFilter admin = signIn("admin", "admin-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.FLAGSHIP, 200, 7), "setup");
        String[] opened = settingsFormFields(admin, app);
        // A colleague changes the retention while this form is open.
        clockTick();
        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, 200, 21), "colleague");
        Response stale = post(admin, "/apps/" + app, opened[0], Map.of("edition", "FLAGSHIP", "conversationLimit", "300",
                "retentionDays", "7", "version", opened[1]));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.asString()).contains("id=\"error\"").contains("changed meanwhile");
        assertThat(settings.get(app)).isEqualTo(new AppSettings(app, app, Edition.FLAGSHIP, 200, 21));
        Response noVersion = post(admin, "/apps/" + app, csrfToken(admin, "/apps/" + app), Map.of("edition", "FLAGSHIP",
                "conversationLimit", "300", "retentionDays", "7"));
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(settings.get(app)).isEqualTo(new AppSettings(app, app, Edition.FLAGSHIP, 200, 21));
    }

    /** Versions are change times in milliseconds: move the clock on so two changes in a row differ. */
    void clockTick() {
        clock.advance(Duration.ofMillis(2));
    }

    @Test
    void createApp_existingOrMalformedId_isRefusedOnTheForm() {
        CookieFilter admin = signIn("admin", "admin-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, "First", Edition.STANDARD, 100, 7), "setup");
        Response dup = post(admin, "/apps", csrfToken(admin, "/apps"), Map.of("appId", app, "name", "Second", "edition", "STANDARD"));
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(dup.asString()).contains("exists already");
        assertThat(settings.get(app).name()).isEqualTo("First");
        Response bad = post(admin, "/apps", csrfToken(admin, "/apps"), Map.of("appId", "a#b", "name", "x", "edition", "STANDARD"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(settings.find("a#b")).isEmpty();
    }

    @Test
    void postWithoutCsrfToken_isRefused_andChangesNothing() {
        CookieFilter admin = signIn("admin", "admin-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.FLAGSHIP, 200, 7), "setup");
        Response r = post(admin, "/apps/" + app, null, Map.of("edition", "FLAGSHIP", "conversationLimit", "300", "retentionDays", "7"));
        assertThat(r.statusCode()).isIn(400, 403);
        assertThat(settings.get(app).conversationLimit()).isEqualTo(200);
        Response forged = post(admin, "/apps/" + app, "forged", Map.of("edition", "FLAGSHIP", "conversationLimit", "300", "retentionDays", "7"));
        assertThat(forged.statusCode()).isIn(400, 403);
        assertThat(settings.get(app).conversationLimit()).isEqualTo(200);
    }

    @Test
    void viewer_mayLookButNotChange() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.FLAGSHIP, 200, 7), "setup");
        String page = given().filter(viewer).get("/apps/" + app).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("name=\"conversationLimit\"");
        String token = csrfToken(viewer, "/apps"); // the sign-out form carries one
        assertThat(post(viewer, "/apps/" + app, token, Map.of("edition", "FLAGSHIP", "conversationLimit", "300", "retentionDays", "7"))
                .statusCode()).isEqualTo(403);
        assertThat(post(viewer, "/apps", token, Map.of("appId", newAppId(), "edition", "STANDARD")).statusCode()).isEqualTo(403);
        assertThat(settings.get(app).conversationLimit()).isEqualTo(200);
    }

    @Test
    void unknownAppOrUser_showsANotFoundPage() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        Response app = given().filter(viewer).get("/apps/nosuchapp");
        assertThat(app.statusCode()).isEqualTo(404);
        assertThat(app.asString()).contains("id=\"not-found\"").contains("nosuchapp");
        for (String page : List.of("/users", "/groups", "/usage")) {
            Response missing = given().filter(viewer).get("/apps/nosuchapp" + page);
            assertThat(missing.statusCode()).as(page).isEqualTo(404);
            assertThat(missing.asString()).as(page).contains("id=\"not-found\"").contains("app nosuchapp");
        }
        String known = newAppId();
        settings.create(new AppSettings(known, known, Edition.STANDARD, 100, 7), "setup");
        Response user = given().filter(viewer).queryParam("userID", "nobody").get("/apps/" + known + "/users");
        assertThat(user.statusCode()).isEqualTo(404);
        assertThat(user.asString()).contains("nobody");
        Response badUser = given().filter(viewer).queryParam("userID", "a b").get("/apps/" + known + "/users");
        assertThat(badUser.statusCode()).isEqualTo(400);
    }

    @Test
    void userList_showsTheListInTheFunctionsOrder_withUserSuppliedTextEscaped() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.FLAGSHIP, 300, 7), "setup");
        long t = clock.millis() - 60_000;
        for (int i = 0; i < 3; i++) {
            conversations.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m" + i, 1, t + i, "carol", null, "g" + i,
                    GroupType.Work, List.of("bob"), "<b>hi</b> " + i, Set.of(), false).validated());
        }
        conversations.putGroupProfile(app, new GroupProfile("g0", "<script>alert(1)</script>", null, GroupType.Work));
        conversations.pin(app, "bob", io.convlist.domain.ConversationId.group("g0"), true);
        // bob's phone and laptop connected to the live channel, a tablet came and went.
        long until = clock.millis() / 1000 + 3600;
        conversations.devices().connected(app, "bob", "0", 1, until);
        conversations.devices().connected(app, "bob", "1", 1, until);
        conversations.devices().connected(app, "bob", "2", 1, until);
        conversations.devices().disconnected(app, "bob", "2", 1);
        String html = given().filter(viewer).queryParam("userID", "bob").get("/apps/" + app + "/users")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"devices-connected\">2<");
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<b>hi</b>").contains("&lt;b&gt;hi&lt;/b&gt;");
        assertThat(html).contains("id=\"size\">3<").contains("id=\"limit\">300<").contains("id=\"total-unread\">3<");
        // Pinned first, then the most recent.
        int g0 = html.indexOf("group_g0"), g2 = html.indexOf("group_g2"), g1 = html.indexOf("group_g1");
        assertThat(g0).isLessThan(g2);
        assertThat(g2).isLessThan(g1);
    }

    @Test
    void groupPage_showsTheMemberCountModeAndLastSeqTheCallsRecorded() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.STANDARD, 100, 7), "setup");
        conversations.addGroupMembers(app, new MembershipChange("g1", GroupType.Work, 3, List.of("ann", "bob", "cy")).validated(true));
        conversations.removeGroupMembers(app, new MembershipChange("g1", null, 4, List.of("bob")).validated(false));
        long t = clock.millis() - 60_000;
        conversations.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m5", 5, t, "ann", null, "g1", GroupType.Work,
                List.of("cy"), "<b>five</b>", Set.of(), false).validated());
        conversations.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m4", 4, t - 1, "ann", null, "g1", GroupType.Work,
                List.of("cy"), "four", Set.of(), false).validated());
        String html = given().filter(viewer).queryParam("groupID", "g1").get("/apps/" + app + "/groups")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"member-count\">2<").contains("id=\"mode\">recipients<").contains("id=\"last-seq\">5<")
                .contains("id=\"last-message\">&lt;b&gt;five&lt;/b&gt;<"); // the late seq 4 is not the last; text escaped
        assertThat(given().filter(viewer).queryParam("groupID", "nobody").get("/apps/" + app + "/groups").asString())
                .contains("id=\"member-count\">0<");
        assertThat(given().filter(viewer).queryParam("groupID", "a#b").get("/apps/" + app + "/groups").statusCode()).isEqualTo(400);
        assertThat(given().filter(viewer).get("/apps/nosuchapp/groups").statusCode()).isEqualTo(404);
    }

    @Test
    void usagePage_showsTheCountersOfAKnownHistory_andFindsUsersByTheStartOfTheirId() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.STANDARD, 100, 7), "setup");
        long now = clock.millis();
        long yesterday = now - 86_400_000L;
        List<UsageChanges.Change> history = new ArrayList<>();
        // Four lists start: amy's and amos's fill to 100 and 95 conversations, bo's holds 2, cy's none.
        history.add(meta(app, "amy", null, 100, now));
        history.add(meta(app, "amos", null, 95, now));
        history.add(meta(app, "bo", null, 2, now));
        for (int i = 0; i < 5; i++) { // 5 creations today, 2 yesterday
            history.add(change("INSERT", app, "bo", "c#c2c_p" + i, Map.of(), i < 2 ? yesterday : now));
        }
        history.add(change("INSERT", app, "amy", "x#c2c_old", Map.of(Keys.REASON, AttributeValue.fromS("EVICTED"),
                Keys.REMOVED_AT, AttributeValue.fromN(String.valueOf(yesterday))), yesterday));
        history.add(change("REMOVE", app, "bo", "c#c2c_p0", Map.of(), now));
        history.add(meta(app, "cy", null, 0, now)); // a list whose conversations all left
        for (int i = 0; i < 4; i++) { // amy's conversations change 4 times today: busier than bo (3 today, 2 yesterday)
            history.add(change("MODIFY", app, "amy", "c#c2c_p" + i, Map.of(), now));
        }
        // Three devices connect, one of them leaves.
        for (String device : List.of("0", "1", "2")) {
            history.add(new UsageChanges.Change("INSERT", Keys.devicesPk(app, "amy"), "device#" + device, null,
                    Map.of(Keys.CONNECTED, AttributeValue.fromBool(true)), now));
        }
        history.add(new UsageChanges.Change("MODIFY", Keys.devicesPk(app, "amy"), "device#2", Map.of(Keys.CONNECTED, AttributeValue.fromBool(true)),
                Map.of(Keys.CONNECTED, AttributeValue.fromBool(false)), now));
        conversations.usage().apply("console-test-" + app, history);

        String html = given().filter(viewer).get("/apps/" + app + "/usage").then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"lists\">4<").contains("id=\"empty-lists\">1<").contains("id=\"stored\">4<").contains("id=\"at-cap\">1<")
                .contains("id=\"near-cap\">1<").contains("id=\"devices-connected\">2<")
                .contains("<td>5</td><td>1</td><td>0</td><td>0</td><td>0</td>") // created, evicted, expired, deleted, left: 30 days
                .contains("created: 3</title>").contains("created: 2</title>").contains("evicted: 1</title>");
        assertThat(html.replaceAll("\\s+", " ")).contains("<table id=\"busiest-today\"><tr><th>today</th><th>changes</th></tr> "
                + "<tr><td><a href=\"/apps/" + app + "/users?userID=amy\">amy</a></td><td>4</td></tr>"
                + "<tr><td><a href=\"/apps/" + app + "/users?userID=bo\">bo</a></td><td>3</td></tr> </table>")
                .contains("<tr><th>yesterday</th><th>changes</th></tr> <tr><td><a href=\"/apps/" + app + "/users?userID=bo\">bo</a></td><td>2</td></tr> </table>");
        String page = given().filter(viewer).queryParam("prefix", "am").get("/apps/" + app + "/usage").asString();
        String found = page.substring(page.indexOf("<ul id=\"users\">"));
        assertThat(found).contains("userID=amos\">amos<").contains("userID=amy\">amy<").doesNotContain("userID=bo\"");
        assertThat(given().filter(viewer).queryParam("prefix", "z").get("/apps/" + app + "/usage").asString())
                .contains("no user with a list starts with z");
        assertThat(given().filter(viewer).queryParam("prefix", "a#b").get("/apps/" + app + "/usage").statusCode()).isEqualTo(400);
        assertThat(given().filter(viewer).get("/apps/nosuchapp/usage").statusCode()).isEqualTo(404);
    }

    static UsageChanges.Change meta(String app, String user, Integer before, int after, long at) {
        Map<String, AttributeValue> image = new HashMap<>();
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < after; i++) {
            slots.add(String.valueOf(i));
        }
        image.put(Keys.SLOTS, AttributeValue.fromNs(slots));
        return new UsageChanges.Change(before == null ? "INSERT" : "MODIFY", Keys.userPk(app, user), Keys.META_SK, null, image, at);
    }

    static UsageChanges.Change change(String event, String app, String user, String sk, Map<String, AttributeValue> image, long at) {
        return new UsageChanges.Change(event, Keys.userPk(app, user), sk, event.equals("REMOVE") ? image : null,
                event.equals("REMOVE") ? null : image, at);
    }

    @Test
    void userList_showsWhatLeftTheListAndWhy_andTheReceiveOptionsKeptForPeers() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.STANDARD, 100, 7), "setup");
        long t = clock.millis() - 60_000;
        for (int i = 0; i < 2; i++) {
            conversations.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m" + i, 4, t + i, "carol", null, "g" + i,
                    GroupType.Work, List.of("bob"), "hi", Set.of(), false).validated());
        }
        conversations.delete(app, "bob", io.convlist.domain.ConversationId.group("g0"), false);
        conversations.changeSettings(app, "bob", List.of(io.convlist.domain.ConversationId.c2c("dave")), new io.convlist.domain.list.SettingChange.ReceiveOpt(2));
        String html = given().filter(viewer).queryParam("userID", "bob").get("/apps/" + app + "/users")
                .then().statusCode(200).extract().asString();
        String removals = html.substring(html.indexOf("id=\"removals\""), html.indexOf("id=\"peer-settings\""));
        assertThat(removals).contains("group_g0").contains("DELETED").contains("<td>4</td>").doesNotContain("group_g1");
        assertThat(html.substring(html.indexOf("id=\"peer-settings\""))).contains("c2c_dave").contains("<td>2</td>");
        // A user whose only trace is a removal record or a setting is still shown.
        conversations.delete(app, "bob", io.convlist.domain.ConversationId.group("g1"), false);
        given().filter(viewer).queryParam("userID", "bob").get("/apps/" + app + "/users").then().statusCode(200);
    }

    @Test
    void userList_showsMarksCustomDataAndGroups_andFiltersLikeTheApi() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.STANDARD, 100, 7), "setup");
        long t = clock.millis() - 60_000;
        for (int i = 0; i < 3; i++) {
            conversations.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m" + i, 1, t + i, "carol", null, "g" + i,
                    GroupType.Work, List.of("bob"), "hi", Set.of(), false).validated());
        }
        var g1 = io.convlist.domain.ConversationId.group("g1");
        conversations.changeSettings(app, "bob", List.of(g1), new io.convlist.domain.list.SettingChange.Mark(io.convlist.domain.Marks.STAR | (1L << 40), true));
        conversations.changeSettings(app, "bob", List.of(g1), new io.convlist.domain.list.SettingChange.CustomData("note".getBytes()));
        conversations.changeSettings(app, "bob", List.of(io.convlist.domain.ConversationId.group("g2")),
                new io.convlist.domain.list.SettingChange.CustomData(new byte[] {0, 1, (byte) 0xff}));
        conversations.createConversationGroup(app, "bob", "Work & Play", List.of(io.convlist.domain.ConversationId.group("g0"), g1));
        String html = given().filter(viewer).queryParam("userID", "bob").get("/apps/" + app + "/users").then().statusCode(200)
                .extract().asString();
        String settingsTable = html.substring(html.indexOf("id=\"peer-settings\""));
        assertThat(settingsTable).contains("STAR, 1&lt;&lt;40").contains("&quot;note&quot;").contains("0x0001ff")
                .contains("Work &amp; Play");
        // Filters: the same rows the functions' filter gives, in list order.
        Pattern row = Pattern.compile("<span class=\"muted\">(group_g\\d+)</span>");
        java.util.function.Function<Map<String, String>, List<String>> rows = params -> {
            Matcher m = row.matcher(given().filter(viewer).queryParam("userID", "bob").queryParams(params)
                    .get("/apps/" + app + "/users").then().statusCode(200).extract().asString());
            List<String> found = new java.util.ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        };
        assertThat(rows.apply(Map.of("mark", "STAR"))).containsExactly("group_g1");
        assertThat(rows.apply(Map.of("group", "Work & Play"))).containsExactly("group_g1", "group_g0");
        assertThat(rows.apply(Map.of("group", "-"))).containsExactly("group_g2");
        assertThat(rows.apply(Map.of("mark", "none", "unread", "on"))).containsExactly("group_g2", "group_g0");
        given().filter(viewer).queryParam("userID", "bob").queryParam("mark", "PURPLE").get("/apps/" + app + "/users")
                .then().statusCode(400);
    }

    @Test
    void viewingAListOverALoweredLimit_changesNothing() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.FLAGSHIP, 101, 7), "setup");
        long t = clock.millis() - 60_000;
        for (int i = 0; i < 101; i++) {
            conversations.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m" + i, 1, t + i, "bob", null, "g" + i,
                    GroupType.Work, List.of(), "m", Set.of(), false).validated());
        }
        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, 100, 7), "setup");
        String html = given().filter(viewer).queryParam("userID", "bob").get("/apps/" + app + "/users").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("id=\"size\">101<").contains("id=\"limit\">100<");
        assertThat(conversations.state(app, "bob").stored()).isEqualTo(101);
        // The user's own read trims, as the functions' contract says.
        assertThat(conversations.list(app, "bob", 0, 100).conversationList()).hasSize(100);
        assertThat(conversations.state(app, "bob").stored()).isEqualTo(100);
    }

    @Test
    void userList_pagesLikeTheApi_everyConversationOnce() {
        CookieFilter viewer = signIn("viewer", "viewer-pass");
        String app = newAppId();
        settings.create(new AppSettings(app, app, Edition.STANDARD, 100, 7), "setup");
        long t = clock.millis() - 60_000;
        for (int i = 0; i < 25; i++) {
            conversations.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m" + i, 1, t + i, "bob", null, "g" + i,
                    GroupType.Work, List.of(), "m", Set.of(), false).validated());
        }
        String first = given().filter(viewer).queryParam("userID", "bob").get("/apps/" + app + "/users").asString();
        Matcher next = Pattern.compile("id=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = given().filter(viewer).urlEncodingEnabled(false).get(next.group(1).replace("&amp;", "&")).asString();
        Pattern row = Pattern.compile("<span class=\"muted\">(group_g\\d+)</span>");
        List<String> ids = new java.util.ArrayList<>();
        for (String page : List.of(first, second)) {
            Matcher m = row.matcher(page);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        assertThat(ids).hasSize(25).doesNotHaveDuplicates().startsWith("group_g24").endsWith("group_g0");
        assertThat(second).doesNotContain("id=\"next\"");
    }

    @Test
    void signOut_endsTheSession() {
        CookieFilter admin = signIn("admin", "admin-pass");
        Response home = given().filter(admin).redirects().follow(false).get("/");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith("/apps");
        Response out = post(admin, "/logout", csrfToken(admin, "/apps"), Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(given().filter(admin).redirects().follow(false).get("/apps").statusCode()).isEqualTo(302);
    }
}
