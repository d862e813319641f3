package io.rapport.tickets;

/**
 * The saved reply a message started from, and how much of it the agent changed: the share of its words replaced,
 * added or removed, from 0 (sent as it was) to 100 (rewritten).
 */
public record ReplyOrigin(long savedReplyId, int changedPercent) {}
