package io.rapport.tickets;

import java.util.Map;

/**
 * A channel that talks to the customer of some tickets itself: a ticket that came by mail is answered by mail from its
 * mailbox, threaded. For those tickets the portal-style customer mails are not sent; the channel sends its own. The
 * tickets module knows channels only through this interface (implemented by the channels module).
 */
public interface ConversationChannel {

    /** Whether this channel sends the customer's mails (replies, "is it solved?") for the ticket. */
    boolean answers(long ticketId);

    /** How the ticket's public messages reached the customer, by message id: for the ticket page and the API. */
    Map<Long, MessageDelivery> deliveries(long ticketId);

    /** How the ticket's messages travelled through this channel (from, to, cc, the original), by message id. */
    Map<Long, MessageEnvelope> envelopes(long ticketId);
}
