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

    /** A message's {@code type} field: C2C or GROUP; INVALID_ARGUMENT otherwise. */
    public static ConversationType parse(String type) {
        for (ConversationType t : values()) {
            if (t.name().equals(type)) {
                return t;
            }
        }
        throw ServiceException.badRequest("type must be C2C or GROUP");
    }
}
