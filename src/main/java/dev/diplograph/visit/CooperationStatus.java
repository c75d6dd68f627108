package dev.diplograph.visit;

import org.eclipse.microprofile.graphql.Description;

/** How far cooperation in an area, or a project, has come. */
@Description("How far cooperation in an area, or a project, has come: PROPOSED (named as a wish or opportunity), "
        + "UNDER_NEGOTIATION (talks are underway), AGREED (signed or announced), ACTIVE (ongoing), "
        + "COMPLETED (delivered) or STALLED.")
public enum CooperationStatus {
    PROPOSED,
    UNDER_NEGOTIATION,
    AGREED,
    ACTIVE,
    COMPLETED,
    STALLED
}
