package io.rapport.routing;

import io.rapport.common.Coded;

/**
 * How a team's new mail and web tickets reach an agent: pushed to the best one at once, or left in the team's queue for
 * agents to take. Chats are always pushed: a customer is waiting on the line.
 */
public enum AssignmentMode implements Coded {
    PUSH,
    QUEUE
}
