package io.convlist.infra;

import java.util.Map;

import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Logical IDs that must not change between releases. CloudFormation replaces a resource whose
 * logical ID changes: for the table that would mean a new, empty table, and for an HTTP API a new
 * URL; an API's stage, route and authorizer would be created beside the old ones and collide with
 * them ($default stage, route key and authorizer name are unique per API). The IDs are those of the
 * first release, which built everything directly in the stack.
 */
final class StableLogicalIds {
    private StableLogicalIds() {
    }

    static void keep(IConstruct construct, String logicalId) {
        ((CfnResource) construct.getNode().getDefaultChild()).overrideLogicalId(logicalId);
    }

    /**
     * Keeps the logical ID of each CloudFormation resource under {@code root} whose type is named;
     * each named type must occur exactly once there.
     */
    static void keepByType(IConstruct root, Map<String, String> logicalIdByType) {
        logicalIdByType.forEach((type, logicalId) -> {
            var found = root.getNode().findAll().stream()
                    .filter(c -> c instanceof CfnResource r && r.getCfnResourceType().equals(type)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException(found.size() + " resources of type " + type + " under " + root.getNode().getPath());
            }
            ((CfnResource) found.get(0)).overrideLogicalId(logicalId);
        });
    }
}
