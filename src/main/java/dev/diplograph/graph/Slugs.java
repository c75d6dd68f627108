package dev.diplograph.graph;

/** The shape of every slug and key in the graph, shared by validation and the dataset format. */
public final class Slugs {

    /** Lower-case letters and digits in words joined by single hyphens, as the dataset schema requires. */
    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    /** The validation message for a value that is not a slug. */
    public static final String MESSAGE = "must be lower-case letters and digits joined by single hyphens, e.g. lee-jae-myung";

    private Slugs() {
    }
}
