package io.convlist.store.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * The persistence shape of a user's settings for one peer or group, outside the capped list: they
 * survive the conversation's deletion, eviction and expiry and apply when it (re)appears. No TTL;
 * the item goes when it holds no setting.
 */
@DynamoDbBean
public class PeerSettingsItem extends SettingsFields {
}
