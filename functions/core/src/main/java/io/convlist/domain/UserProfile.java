package io.convlist.domain;

public record UserProfile(String userId, String nickname, String faceUrl) {
}
