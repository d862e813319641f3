package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.common.Conflict;
import io.rapport.tickets.internal.Ticket;
import io.rapport.tickets.internal.TicketState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every legal and every illegal status transition, and how the outcome follows the customer's answer. */
class TicketWorkflowTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Author AGENT = new Author(AuthorType.AGENT, 7L, "Agent");
    static final Author CUSTOMER = new Author(AuthorType.CUSTOMER, 9L, "Customer");

    static final Set<String> LEGAL = Set.of(
            "NEW>OPEN",
            "NEW>PENDING",
            "NEW>SOLVED",
            "OPEN>PENDING",
            "OPEN>SOLVED",
            "PENDING>OPEN",
            "PENDING>SOLVED",
            "SOLVED>OPEN",
            "SOLVED>CLOSED");

    static Stream<Arguments> allTransitions() {
        return EnumSet.allOf(TicketStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(TicketStatus.class).stream()
                        .filter(to -> to != from)
                        .map(to -> Arguments.of(from, to)));
    }

    static Ticket ticketIn(TicketStatus status) {
        return new Ticket(new TicketState(
                1L,
                1001,
                "Card declined",
                status,
                Outcome.UNKNOWN,
                Priority.NORMAL,
                Channel.WEB,
                9,
                null,
                null,
                "en",
                null,
                null,
                new TreeSet<>(),
                NOW,
                NOW,
                status == TicketStatus.SOLVED ? NOW : null,
                null,
                0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allTransitions")
    void onlyTheWorkflowsTransitionsAreAllowed(TicketStatus from, TicketStatus to) {
        Ticket ticket = ticketIn(from);
        boolean legal = LEGAL.contains(from.name() + ">" + to.name());
        assertThat(from.canMoveTo(to)).isEqualTo(legal);
        if (legal) {
            ticket.moveTo(to, AGENT, NOW.plusSeconds(60));
            assertThat(ticket.status()).isEqualTo(to);
            assertThat(ticket.changes()).anySatisfy(c -> {
                assertThat(c.field()).isEqualTo("status");
                assertThat(c.before()).isEqualTo(from.code());
                assertThat(c.after()).isEqualTo(to.code());
                assertThat(c.by()).isEqualTo(AGENT);
            });
            assertThat(ticket.events()).contains(new TicketStatusChanged(1L, from, to));
        } else {
            assertThatThrownBy(() -> ticket.moveTo(to, AGENT, NOW))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining(from.code())
                    .hasMessageContaining(to.code());
            assertThat(ticket.status()).isEqualTo(from);
            assertThat(ticket.changes()).isEmpty();
        }
    }

    @Test
    void movingToTheSameStatusChangesNothing() {
        Ticket ticket = ticketIn(TicketStatus.OPEN);
        ticket.moveTo(TicketStatus.OPEN, AGENT, NOW);
        assertThat(ticket.changes()).isEmpty();
    }

    @Test
    void solvingRecordsWhenAndAsksTheCustomer() {
        Ticket ticket = ticketIn(TicketStatus.OPEN);
        ticket.moveTo(TicketStatus.SOLVED, AGENT, NOW);
        assertThat(ticket.solvedAt()).isEqualTo(NOW);
        assertThat(ticket.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(ticket.events()).contains(new TicketSolved(1L, null, false, NOW));
    }

    @Test
    void customerConfirmationClosesWithOutcomeConfirmed() {
        Ticket ticket = ticketIn(TicketStatus.SOLVED);
        ticket.confirmSolution(CUSTOMER, NOW);
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(ticket.state().closedAt()).isEqualTo(NOW);
        assertThat(ticket.events()).contains(new OutcomeConfirmed(1L, null));
    }

    @Test
    void notSolvedReopensWithOutcomeNotSolved() {
        Ticket ticket = ticketIn(TicketStatus.SOLVED);
        ticket.rejectSolution(CUSTOMER, NOW);
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.outcome()).isEqualTo(Outcome.NOT_SOLVED);
        assertThat(ticket.solvedAt()).isNull();
        assertThat(ticket.events()).contains(new SolutionRejected(1L, null));
    }

    @Test
    void solvingAgainAfterNotSolvedAsksAgain() {
        Ticket ticket = ticketIn(TicketStatus.SOLVED);
        ticket.rejectSolution(CUSTOMER, NOW);
        ticket.moveTo(TicketStatus.SOLVED, AGENT, NOW.plusSeconds(5));
        assertThat(ticket.outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void onlyASolvedTicketCanBeConfirmedOrRejected() {
        for (TicketStatus status : EnumSet.complementOf(EnumSet.of(TicketStatus.SOLVED))) {
            assertThatThrownBy(() -> ticketIn(status).confirmSolution(CUSTOMER, NOW))
                    .isInstanceOf(Conflict.class);
            assertThatThrownBy(() -> ticketIn(status).rejectSolution(CUSTOMER, NOW))
                    .isInstanceOf(Conflict.class);
            assertThatThrownBy(() -> ticketIn(status).closeUnconfirmed(NOW)).isInstanceOf(Conflict.class);
        }
    }

    @Test
    void closingUnansweredIsUnconfirmedBySystem() {
        Ticket ticket = ticketIn(TicketStatus.SOLVED);
        ticket.closeUnconfirmed(NOW);
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.outcome()).isEqualTo(Outcome.UNCONFIRMED);
        assertThat(ticket.changes()).allSatisfy(c -> assertThat(c.by().type()).isEqualTo(AuthorType.SYSTEM));
    }

    @Test
    void agentClosingASolvedTicketIsUnconfirmed() {
        Ticket ticket = ticketIn(TicketStatus.SOLVED);
        ticket.moveTo(TicketStatus.CLOSED, AGENT, NOW);
        assertThat(ticket.outcome()).isEqualTo(Outcome.UNCONFIRMED);
    }

    @Test
    void customerMessageReopensPendingAndSolved() {
        for (TicketStatus status : EnumSet.of(TicketStatus.PENDING, TicketStatus.SOLVED)) {
            Ticket ticket = ticketIn(status);
            ticket.messageAdded(5L, CUSTOMER, Visibility.PUBLIC, NOW);
            assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
            assertThat(ticket.events()).contains(new MessageReceived(1L, 5L, 9L));
        }
        Ticket fresh = ticketIn(TicketStatus.NEW);
        fresh.messageAdded(5L, CUSTOMER, Visibility.PUBLIC, NOW);
        assertThat(fresh.status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void agentReplyOpensANewTicketButANoteDoesNot() {
        Ticket noted = ticketIn(TicketStatus.NEW);
        noted.messageAdded(5L, AGENT, Visibility.INTERNAL, NOW);
        assertThat(noted.status()).isEqualTo(TicketStatus.NEW);
        Ticket replied = ticketIn(TicketStatus.NEW);
        replied.messageAdded(6L, AGENT, Visibility.PUBLIC, NOW);
        assertThat(replied.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(replied.events()).contains(new AgentReplied(1L, 6L, 7L, false));
    }

    @Test
    void aReplyThatSolvesInTheSameStepCarriesTheQuestion() {
        Ticket both = ticketIn(TicketStatus.OPEN);
        both.messageAdded(6L, AGENT, Visibility.PUBLIC, NOW);
        both.moveTo(TicketStatus.SOLVED, AGENT, NOW);
        assertThat(both.events())
                .contains(new AgentReplied(1L, 6L, 7L, true), new TicketSolved(1L, null, true, NOW))
                .doesNotContain(new AgentReplied(1L, 6L, 7L, false));

        Ticket alone = ticketIn(TicketStatus.OPEN);
        alone.moveTo(TicketStatus.SOLVED, AGENT, NOW);
        assertThat(alone.events()).contains(new TicketSolved(1L, null, false, NOW));

        Ticket noted = ticketIn(TicketStatus.OPEN);
        noted.messageAdded(6L, AGENT, Visibility.INTERNAL, NOW);
        noted.moveTo(TicketStatus.SOLVED, AGENT, NOW);
        assertThat(noted.events())
                .as("a note asks the customer nothing")
                .contains(new TicketSolved(1L, null, false, NOW));
    }

    @Test
    void aClosedTicketTakesNoMessages() {
        assertThatThrownBy(() -> ticketIn(TicketStatus.CLOSED).messageAdded(5L, CUSTOMER, Visibility.PUBLIC, NOW))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void changesToAssigneePriorityAndTagsAreRecorded() {
        Ticket ticket = ticketIn(TicketStatus.OPEN);
        ticket.assign(3L, AGENT, NOW);
        ticket.prioritize(Priority.URGENT, AGENT, NOW);
        ticket.retag(Set.of("b", "a"), AGENT, NOW);
        ticket.retag(Set.of("a", "b"), AGENT, NOW);
        assertThat(ticket.changes())
                .extracting(Ticket.Change::field, Ticket.Change::before, Ticket.Change::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("assignee", null, "3"),
                        org.assertj.core.groups.Tuple.tuple("priority", "normal", "urgent"),
                        org.assertj.core.groups.Tuple.tuple("tags", "", "a,b"));
        assertThat(ticket.events()).contains(new TicketAssigned(1L, null, 3L, 7L)); // by the agent who assigned it
    }
}
