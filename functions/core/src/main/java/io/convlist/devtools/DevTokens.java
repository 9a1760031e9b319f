package io.convlist.devtools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * Development keys and tokens for the local run and the tests only: a fresh RSA key pair each
 * time, never a key used anywhere else. Production tokens come from the IM backend's own issuer.
 *
 * <p>{@code java DevTokens DIR ISSUER APP USER}: writes DIR/public.pem and prints a user token for
 * USER and a service token for APP, valid for 24 hours.
 */
public final class DevTokens {
    private DevTokens() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKeyPem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** An RS256 JWT with the claims the functions read. */
    public static String token(PrivateKey key, String issuer, String app, String subject, String role, long lifetimeSeconds) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":" + quote(issuer) + ",\"sub\":" + quote(subject) + ",\"app\":" + quote(app)
                + ",\"groups\":[" + quote(role) + "],\"iat\":" + now + ",\"exp\":" + (now + lifetimeSeconds) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
        for (String line : List.of(
                "USER_TOKEN=" + token(keys.getPrivate(), args[1], args[2], args[3], "user", day),
                "SERVICE_TOKEN=" + token(keys.getPrivate(), args[1], args[2], args[2] + "-backend", "service", day))) {
            System.out.println(line);
        }
    }
}
