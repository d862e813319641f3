package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.support.H2Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The events other modules will react to (routing, SLA, knowledge, quality), published by the tickets module on its
 * own with only the modules it depends on: what each step of a ticket's life tells the rest of the desk.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@H2Settings
class TicketEventsModuleTests {

    static final Author AGENT = new Author(AuthorType.AGENT, 1L, "Administrator");

    private final Tickets tickets;
    private final Customers customers;

    TicketEventsModuleTests(Tickets tickets, Customers customers) {
        this.tickets = tickets;
        this.customers = customers;
    }

    private TicketView open(String email) {
        return tickets.open(new OpenTicket(
                "Card declined",
                "My card was declined at the shop.",
                null,
                email,
                "Ada",
                Channel.WEB,
                Priority.HIGH,
                Set.of("cards"),
                List.of(),
                null));
    }

    private static String email() {
        return "events-" + UUID.randomUUID() + "@example.com";
    }

    /** Routing assigns it, SLA starts its clocks, knowledge indexes it. */
    @Test
    void aNewTicketIsAnnounced(Scenario scenario) {
        scenario.stimulate(() -> open(email()))
                .andWaitForEventOfType(TicketCreated.class)
                .toArriveAndVerify((created, ticket) -> {
                    assertThat(created.ticketId()).isEqualTo(ticket.id());
                    assertThat(created.number()).isEqualTo(ticket.number());
                    assertThat(created.customerId()).isEqualTo(ticket.customer().id());
                    assertThat(created.channel()).isEqualTo(Channel.WEB);
                });
    }

    /** SLA stops the first-response clock on the first public reply; a note does not count. */
    @Test
    void aReplyIsAnnouncedAndANoteIsNoReply(Scenario scenario) {
        TicketView ticket = open(email());
        scenario.stimulate(() -> tickets.addMessage(
                        ticket.id(),
                        new AddMessage("Checking this", null, Visibility.INTERNAL, null, AGENT, List.of())))
                .andWaitForEventOfType(NoteAdded.class)
                .toArriveAndVerify(note -> assertThat(note.ticketId()).isEqualTo(ticket.id()));
        scenario.stimulate(() -> tickets.addMessage(
                        ticket.id(),
                        new AddMessage("Please try again", null, Visibility.PUBLIC, null, AGENT, List.of())))
                .andWaitForEventOfType(AgentReplied.class)
                .toArriveAndVerify((replied, message) -> {
                    assertThat(replied.messageId()).isEqualTo(message.id());
                    assertThat(replied.agentId()).isEqualTo(1L);
                    assertThat(replied.solves()).isFalse();
                });
    }

    /** SLA pauses while the ticket waits on the customer and starts the next-response clock when they write. */
    @Test
    void waitingOnTheCustomerAndTheirAnswerAreAnnounced(Scenario scenario) {
        String email = email();
        TicketView ticket = open(email);
        scenario.stimulate(() -> tickets.change(ticket.id(), ChangeTicket.status(TicketStatus.PENDING), AGENT))
                .andWaitForEventOfType(TicketStatusChanged.class)
                .matching(e -> e.to() == TicketStatus.PENDING)
                .toArriveAndVerify(changed -> assertThat(changed.from()).isEqualTo(TicketStatus.NEW));
        CustomerRef customer = customers.findByEmail(email).orElseThrow();
        scenario.stimulate(() ->
                        tickets.addCustomerMessage(ticket.id(), customer, "Tried again, still declined", List.of()))
                .andWaitForEventOfType(MessageReceived.class)
                .toArriveAndVerify(received -> {
                    assertThat(received.ticketId()).isEqualTo(ticket.id());
                    assertThat(received.customerId()).isEqualTo(customer.id());
                });
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.OPEN);
    }

    /** Routing counts load by assignee; quality counts right-first-time. */
    @Test
    void anAssignmentIsAnnounced(Scenario scenario) {
        TicketView ticket = open(email());
        scenario.stimulate(() -> tickets.change(
                        ticket.id(), new ChangeTicket(null, Optional.of(1L), null, null, null, null), AGENT))
                .andWaitForEventOfType(TicketAssigned.class)
                .toArriveAndVerify(assigned -> {
                    assertThat(assigned.fromAgentId()).isNull();
                    assertThat(assigned.toAgentId()).isEqualTo(1L);
                });
    }

    /** Quality and reports count the customer's word: solved, then confirmed or rejected. */
    @Test
    void theCustomersWordIsAnnounced(Scenario scenario) {
        String email = email();
        TicketView confirmed = open(email);
        CustomerRef customer = customers.findByEmail(email).orElseThrow();
        scenario.stimulate(() -> tickets.addMessage(
                        confirmed.id(),
                        new AddMessage("Unblocked it", null, Visibility.PUBLIC, null, AGENT, List.of()),
                        TicketStatus.SOLVED))
                .andWaitForEventOfType(TicketSolved.class)
                .toArriveAndVerify(solved -> {
                    assertThat(solved.withReply()).isTrue();
                    assertThat(solved.solvedAt()).isNotNull();
                });
        scenario.stimulate(() -> tickets.confirmSolved(confirmed.id(), customer))
                .andWaitForEventOfType(OutcomeConfirmed.class)
                .toArriveAndVerify(e -> assertThat(e.ticketId()).isEqualTo(confirmed.id()));

        TicketView rejected = open(email);
        tickets.change(rejected.id(), ChangeTicket.status(TicketStatus.SOLVED), AGENT);
        scenario.stimulate(() -> tickets.rejectSolution(rejected.id(), customer, "Still declined"))
                .andWaitForEventOfType(SolutionRejected.class)
                .toArriveAndVerify(e -> assertThat(e.ticketId()).isEqualTo(rejected.id()));
        assertThat(tickets.get(rejected.id()).outcome()).isEqualTo(Outcome.NOT_SOLVED);
    }

    /** Nobody answered in time: closed without the customer's word, which reports count as unconfirmed. */
    @Test
    void anUnansweredCloseIsAnnounced(Scenario scenario) {
        TicketView ticket = open(email());
        tickets.change(ticket.id(), ChangeTicket.status(TicketStatus.SOLVED), AGENT);
        scenario.stimulate(() -> tickets.closeUnanswered(Duration.ZERO, 1000))
                .andWaitForEventOfType(TicketStatusChanged.class)
                .matching(e -> e.ticketId() == ticket.id() && e.to() == TicketStatus.CLOSED)
                .toArriveAndVerify(closed -> assertThat(closed.from()).isEqualTo(TicketStatus.SOLVED));
        assertThat(tickets.get(ticket.id()).outcome()).isEqualTo(Outcome.UNCONFIRMED);
    }
}
