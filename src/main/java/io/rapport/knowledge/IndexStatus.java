package io.rapport.knowledge;

/**
 * How this node's index stands: documents in it, the last change applied, changes waiting, and while a rebuild runs
 * how far it has come ({@code rebuilt} of {@code toRebuild} documents).
 */
public record IndexStatus(
        long documents, long lastChange, long behind, boolean rebuilding, long rebuilt, long toRebuild) {}
