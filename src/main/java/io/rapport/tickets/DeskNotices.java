package io.rapport.tickets;

import java.util.Collection;

/**
 * Tells agents something about a ticket on their open desk pages, as a notice that leads to the ticket (another module's
 * news: an SLA target close to its due time, for one). {@code messageKey} names the words in the message bundle; they
 * get the ticket's number, subject and customer name as {0}, {1}, {2}, then {@code args}. Agents not on a page now
 * see nothing: what must not be missed goes by mail too.
 */
public interface DeskNotices {

    void tell(Collection<Long> agentIds, long ticketId, String messageKey, Object... args);
}
