package dev.diplograph.dataset;

/** A record with the JSON Pointer of where it came from, so errors can name their place. */
public record Indexed<R>(String pointer, R record) {
}
