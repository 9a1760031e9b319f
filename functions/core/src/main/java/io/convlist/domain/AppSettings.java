package io.convlist.domain;

/**
 * Per-app (tenant) settings. Standard edition: the cloud list holds 100 conversations, fixed.
 * Flagship: the operator chooses 100 to 500. Retention: days without change before a conversation
 * leaves the cloud (1 to 30, default 7). Large-group threshold: the member count at which a group
 * switches to {@link GroupMode#MEMBERS}.
 */
public record AppSettings(String appId, String name, Edition edition, int conversationLimit, int retentionDays,
        int largeGroupThreshold) {

    public AppSettings(String appId, String name, Edition edition, int conversationLimit, int retentionDays) {
        this(appId, name, edition, conversationLimit, retentionDays, Limits.LARGE_GROUP_THRESHOLD_DEFAULT);
    }

    public static AppSettings defaults(String appId) {
        return new AppSettings(appId, appId, Edition.STANDARD, Limits.STANDARD_CONVERSATION_LIMIT,
                Limits.DEFAULT_RETENTION_DAYS);
    }

    public long retentionMillis() {
        return retentionDays * 86_400_000L;
    }

    /** Checks the combination; throws INVALID_ARGUMENT with a message fit for a form. */
    public AppSettings validated() {
        Ids.requireAppId("appId", appId);
        Ids.requireMaxBytes("name", name, Limits.NAME_MAX_BYTES);
        if (edition == null) {
            throw ServiceException.badRequest("edition is required");
        }
        if (edition == Edition.STANDARD && conversationLimit != Limits.STANDARD_CONVERSATION_LIMIT) {
            throw ServiceException.badRequest("the standard edition's limit is fixed at "
                    + Limits.STANDARD_CONVERSATION_LIMIT);
        }
        if (edition == Edition.FLAGSHIP && (conversationLimit < Limits.FLAGSHIP_CONVERSATION_LIMIT_MIN
                || conversationLimit > Limits.FLAGSHIP_CONVERSATION_LIMIT_MAX)) {
            throw ServiceException.badRequest("the flagship limit must be between "
                    + Limits.FLAGSHIP_CONVERSATION_LIMIT_MIN + " and " + Limits.FLAGSHIP_CONVERSATION_LIMIT_MAX);
        }
        if (retentionDays < Limits.RETENTION_DAYS_MIN || retentionDays > Limits.RETENTION_DAYS_MAX) {
            throw ServiceException.badRequest("retention must be between " + Limits.RETENTION_DAYS_MIN
                    + " and " + Limits.RETENTION_DAYS_MAX + " days");
        }
        if (largeGroupThreshold < Limits.LARGE_GROUP_THRESHOLD_MIN || largeGroupThreshold > Limits.LARGE_GROUP_THRESHOLD_MAX) {
            throw ServiceException.badRequest("the large-group threshold must be between " + Limits.LARGE_GROUP_THRESHOLD_MIN
                    + " and " + Limits.LARGE_GROUP_THRESHOLD_MAX + " members");
        }
        return this;
    }
}
