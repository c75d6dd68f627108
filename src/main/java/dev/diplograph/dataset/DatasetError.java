package dev.diplograph.dataset;

/** One problem in a dataset document, located by a JSON Pointer (RFC 6901). */
public record DatasetError(String pointer, String message) {
}
