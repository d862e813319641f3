package io.rapport.tickets;

/** Something that happened to a ticket; other modules react to these after the change commits. */
public sealed interface TicketEvent
        permits TicketCreated,
                MessageReceived,
                AgentReplied,
                NoteAdded,
                TicketStatusChanged,
                TicketSolved,
                OutcomeConfirmed,
                SolutionRejected,
                TicketAssigned,
                TicketUpdated,
                TicketMerged,
                TicketEscalated,
                RepeatContactChanged {

    long ticketId();
}
