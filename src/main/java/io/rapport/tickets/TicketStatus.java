package io.rapport.tickets;

import io.rapport.common.Coded;
import java.util.EnumSet;
import java.util.Set;

/**
 * The workflow of a ticket. new: nobody has answered; open: being worked on; pending: waiting on the customer; solved:
 * the agent believes it is solved and the customer is asked; closed: done, read-only.
 */
public enum TicketStatus implements Coded {
    NEW,
    OPEN,
    PENDING,
    SOLVED,
    CLOSED;

    /** Statuses in which someone still has to act. */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(NEW, OPEN, PENDING);

    @Override
    public String messageKey() {
        return "status." + code();
    }

    public boolean canMoveTo(TicketStatus target) {
        return switch (this) {
            case NEW -> target == OPEN || target == PENDING || target == SOLVED;
            case OPEN -> target == PENDING || target == SOLVED;
            case PENDING -> target == OPEN || target == SOLVED;
            case SOLVED -> target == OPEN || target == CLOSED;
            case CLOSED -> false;
        };
    }

    @Override
    public String toString() {
        return code();
    }
}
