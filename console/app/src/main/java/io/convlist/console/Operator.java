package io.convlist.console;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in operator, as templates show it. Roles: viewer (may look), admin (may change). */
public record Operator(String name, boolean admin) {
    public static final String VIEWER = "viewer";
    public static final String ADMIN = "admin";

    static Operator of(SecurityIdentity identity) {
        return new Operator(identity.getPrincipal().getName(), identity.hasRole(ADMIN));
    }
}
