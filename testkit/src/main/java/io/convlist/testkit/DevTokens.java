package io.convlist.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Development keys and tokens for the local run and the tests only: the tests make a fresh RSA key
 * pair each time; the local run keeps one in its own directory. Never a key used anywhere else:
 * production tokens come from the IM backend's own issuer. Tokens are built and signed with
 * smallrye-jwt-build (RS256). {@code java DevTokens ...} mints one for the local run ({@link #USAGE}).
 */
public final class DevTokens {
    /** The claims the functions read besides sub: the app (tenant) and the role in groups. */
    public static final String APP_CLAIM = "app";
    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

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
        return "-----BEGIN PUBLIC KEY-----\n" + MIME.encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** An RS256 JWT with the claims the functions read; a negative lifetime makes an expired one. */
    public static String token(PrivateKey key, String issuer, String app, String subject, String role, long lifetimeSeconds) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer).subject(subject).claim(APP_CLAIM, app).groups(Set.of(role))
                .issuedAt(now).expiresAt(now + lifetimeSeconds).sign(key);
    }

    /**
     * The local run's development key: DIR/private.pem and DIR/public.pem, made on first use and kept,
     * so that tokens minted for one run still verify in the next.
     */
    public static KeyPair keptKeyPair(Path dir) throws IOException, GeneralSecurityException {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(pemBody(publicPem))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(privatePem))));
        }
        Files.createDirectories(dir);
        KeyPair keys = newKeyPair();
        Files.writeString(privatePem, "-----BEGIN PRIVATE KEY-----\n" + MIME.encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try {
            Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory is the developer's own
        }
        Files.writeString(publicPem, publicKeyPem(keys));
        return keys;
    }

    private static byte[] pemBody(Path pem) throws IOException {
        return Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
    }

    static final String USAGE = """
            usage: DevTokens KEY_DIR ISSUER --app APP (--user USER | --service) [--hours N | --expired]
              prints one token signed with the development key in KEY_DIR (made there on first use):
              a user token for USER, or the service token of APP; valid N hours (default 24), or expired
              two minutes ago""";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            fail();
        }
        Path dir = Path.of(args[0]);
        String issuer = args[1];
        String app = null;
        String user = null;
        boolean service = false;
        long lifetimeSeconds = 24 * 3600;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--app" -> app = i + 1 < args.length ? args[++i] : fail();
                case "--user" -> user = i + 1 < args.length ? args[++i] : fail();
                case "--service" -> service = true;
                case "--expired" -> lifetimeSeconds = -120;
                case "--hours" -> lifetimeSeconds = hours(i + 1 < args.length ? args[++i] : "") * 3600;
                default -> fail();
            }
        }
        if (app == null || (user == null) == !service) {
            fail();
        }
        KeyPair keys = keptKeyPair(dir);
        System.out.println(service ? token(keys.getPrivate(), issuer, app, app + "-backend", "service", lifetimeSeconds)
                : token(keys.getPrivate(), issuer, app, user, "user", lifetimeSeconds));
    }

    private static long hours(String value) {
        try {
            long hours = Long.parseLong(value);
            if (hours >= 1 && hours <= 24) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // below
        }
        System.err.println("--hours takes 1 to 24 (the functions refuse tokens that live longer)");
        System.exit(2);
        return 0;
    }

    private static String fail() {
        System.err.println(USAGE);
        System.exit(2);
        return null;
    }
}
