package io.convlist.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convlist.auth.ListOwner;
import io.convlist.config.SyncConfig;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.SyncPosition;
import io.convlist.runtime.ConfigChecks;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Sync cursors as devices hold them: the position and the list it belongs to, signed with
 * HMAC-SHA256. A cursor cannot be read into another user's or app's list, and one that was altered
 * or made up is refused with INVALID_ARGUMENT.
 */
@Singleton
@Startup
public class SyncCursors {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a cursor holds: format version, list, position. */
    record Payload(int v, String app, String user, SyncPosition.Phase phase, long since, long round, long nextSeq,
            String afterSk, long afterExpiresAt) {
    }

    private final SecretKeySpec key;

    /** Built when the functions start (@Startup), so a missing or short key stops them then. */
    @Inject
    public SyncCursors(SyncConfig config) {
        new ConfigChecks().secret("convlist.sync.cursor-key", "CONVLIST_SYNC_CURSOR_KEY", config.cursorKey(), SyncConfig.CURSOR_KEY_MIN)
                .orFail();
        this.key = new SecretKeySpec(config.cursorKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String encode(ListOwner owner, SyncPosition p) {
        try {
            byte[] body = JSON.writeValueAsBytes(new Payload(VERSION, owner.appId(), owner.userId(), p.phase(), p.since(),
                    p.roundTime(), p.nextSeq(), p.afterSk(), p.afterExpiresAt()));
            return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position of a cursor issued for this list; INVALID_ARGUMENT for anything else. */
    public SyncPosition decode(ListOwner owner, String cursor) {
        int dot = cursor.indexOf('.');
        try {
            byte[] body = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (dot <= 0 || !MessageDigest.isEqual(sign(body), signature)) {
                throw invalid();
            }
            Payload p = JSON.readValue(body, Payload.class);
            if (p.v() != VERSION || p.phase() == null || !owner.appId().equals(p.app()) || !owner.userId().equals(p.user())) {
                throw invalid();
            }
            return new SyncPosition(p.phase(), p.since(), p.round(), p.nextSeq(), p.afterSk(), p.afterExpiresAt());
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServiceException invalid() {
        return ServiceException.badRequest("cursor is not a cursor this service issued for this list; start over with null");
    }
}
