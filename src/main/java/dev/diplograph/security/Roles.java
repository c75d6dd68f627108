package dev.diplograph.security;

/** The roles the service checks; reads need none. */
public final class Roles {

    /** May create, update and delete records, import datasets and ingest articles. */
    public static final String EDITOR = "editor";

    private Roles() {
    }
}
