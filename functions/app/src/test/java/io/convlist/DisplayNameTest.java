package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** showName and faceUrl follow Tencent IM's priorities and are resolved when reading. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class DisplayNameTest {
    @Inject
    MutableClock clock;

    /** Message times an hour ago, so that drafts and pins (now) are the most recent activity. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 3_600_000;
    }

    @Test
    void showName_c2c_remarkOverNicknameOverUserId_resolvedAtReadTime() {
        String app = newApp();
        c2c(app, "peer", "me", 1, t0, "hi");
        // 1. No profile: the peer's userID.
        assertThat(conversation(app, "me", "c2c_peer")).containsEntry("showName", "peer");
        // 2. A nickname set after the conversation exists shows on the next read, with the face.
        ok(serviceToken(app), "setUserProfile", body("userID", "peer", "nickname", "Pat", "faceUrl", "https://img/pat.png"));
        assertThat(conversation(app, "me", "c2c_peer")).containsEntry("showName", "Pat").containsEntry("faceUrl", "https://img/pat.png");
        // 3. The owner's remark wins over the nickname, for the owner only.
        ok(serviceToken(app), "setFriendRemark", body("userID", "me", "friendUserID", "peer", "remark", "Pat from work"));
        assertThat(conversation(app, "me", "c2c_peer")).containsEntry("showName", "Pat from work");
        // 4. A nickname change still shows where no remark is set.
        ok(serviceToken(app), "setUserProfile", body("userID", "peer", "nickname", "Patricia"));
        c2c(app, "peer", "other", 1, t0, "hi");
        assertThat(conversation(app, "other", "c2c_peer")).containsEntry("showName", "Patricia");
        // 5. Clearing the remark falls back to the nickname.
        ok(serviceToken(app), "setFriendRemark", body("userID", "me", "friendUserID", "peer", "remark", ""));
        assertThat(conversation(app, "me", "c2c_peer")).containsEntry("showName", "Patricia");
    }

    @Test
    void showName_remarkSetBeforeConversationExists_isUsedWhenItIsCreated() {
        String app = newApp();
        ok(serviceToken(app), "setFriendRemark", body("userID", "me", "friendUserID", "peer", "remark", "Old friend"));
        c2c(app, "peer", "me", 1, t0, "hi");
        assertThat(conversation(app, "me", "c2c_peer")).containsEntry("showName", "Old friend");
    }

    @Test
    void showName_group_nameOverGroupId_withGroupFace() {
        String app = newApp();
        group(app, "team1", "Work", "a", List.of("b"), 1, t0, "hi", List.of(), false);
        assertThat(conversation(app, "b", "group_team1")).containsEntry("showName", "team1").containsEntry("groupID", "team1");
        ok(serviceToken(app), "setGroupProfile", body("groupID", "team1", "groupName", "Team One", "faceUrl", "https://img/t1.png"));
        Map<String, Object> c = conversation(app, "b", "group_team1");
        assertThat(c).containsEntry("showName", "Team One").containsEntry("faceUrl", "https://img/t1.png")
                .containsEntry("groupType", "Work").containsEntry("type", "GROUP");
        assertThat(c.get("userID")).isNull();
        // The list shows the same resolution.
        assertThat(wholeList(app, "b", 20).get(0)).containsEntry("showName", "Team One");
    }
}
