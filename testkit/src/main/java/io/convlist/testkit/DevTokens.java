package io.convlist.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Development keys and tokens for the local run and the tests only: a fresh RSA key pair each
 * time, never a key used anywhere else. Production tokens come from the IM backend's own issuer.
 * Tokens are built and signed with smallrye-jwt-build (RS256).
 *
 * <p>{@code java DevTokens DIR ISSUER APP USER}: writes DIR/public.pem and prints a user token for
 * USER and a service token for APP, valid for 24 hours.
 */
public final class DevTokens {
    /** The claims the functions read besides sub: the app (tenant) and the role in groups. */
    public static final String APP_CLAIM = "app";

    private DevTokens() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKeyPem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** An RS256 JWT with the claims the functions read; a negative lifetime makes an expired one. */
    public static String token(PrivateKey key, String issuer, String app, String subject, String role, long lifetimeSeconds) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer).subject(subject).claim(APP_CLAIM, app).groups(Set.of(role))
                .issuedAt(now).expiresAt(now + lifetimeSeconds).sign(key);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: DevTokens DIR ISSUER APP USER");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        KeyPair keys = newKeyPair();
        Files.writeString(dir.resolve("public.pem"), publicKeyPem(keys));
        long day = 24 * 3600;
        System.out.println("USER_TOKEN=" + token(keys.getPrivate(), args[1], args[2], args[3], "user", day));
        System.out.println("SERVICE_TOKEN=" + token(keys.getPrivate(), args[1], args[2], args[2] + "-backend", "service", day));
    }
}
