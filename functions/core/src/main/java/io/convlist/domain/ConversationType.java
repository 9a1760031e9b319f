package io.convlist.domain;

public enum ConversationType {
    C2C("c2c_"), GROUP("group_");

    private final String idPrefix;

    ConversationType(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    public String idPrefix() {
        return idPrefix;
    }
}
