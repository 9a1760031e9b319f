package io.convlist.auth;

/** The list a user function acts on: the caller's own (user token) or the named user's (service token). */
public record ListOwner(String appId, String userId) {
}
