package io.rapport.accounts;

/**
 * One customer was merged into another, inside the merging transaction: modules that keep customer ids (tickets) move
 * them to {@code intoId} in the same transaction, so that the merge happens whole or not at all.
 */
public record CustomersMerged(long fromId, long intoId, String fromName, String intoName) {}
