package dev.diplograph.graph;

/** One row of a parent-to-child link, as read by the batched resolvers. */
public record Link(long parentId, long childId) {
}
