package io.rapport.knowledge;

import java.time.Instant;

/** A reader's answer to "Did this help?", with what they added when it did not. */
public record ArticleFeedback(long articleId, boolean helpful, String comment, Instant at) {}
