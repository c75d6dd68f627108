package dev.diplograph.visit;

import org.eclipse.microprofile.graphql.Description;

/** Protocol level of a visit, as the dataset format defines it. */
@Description("Protocol level of a visit.")
public enum VisitKind {
    STATE,
    OFFICIAL,
    WORKING,
    SUMMIT,
    PRIVATE,
    OTHER
}
