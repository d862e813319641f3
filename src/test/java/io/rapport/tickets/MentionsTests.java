package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.AgentView;
import io.rapport.accounts.Presence;
import io.rapport.accounts.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionsTests {

    private static AgentView agent(long id, String name, String email, boolean active) {
        return new AgentView(
                id,
                email,
                name,
                Role.AGENT,
                List.of(),
                List.of(),
                List.of(),
                1,
                5,
                Presence.ONLINE,
                active,
                Instant.EPOCH,
                Instant.EPOCH,
                2,
                null);
    }

    private static final List<AgentView> DESK = List.of(
            agent(1, "Maya Lindqvist", "maya.lindqvist@desk.io", true),
            agent(2, "Maya", "maya@desk.io", true),
            agent(3, "Ann", "ann@desk.io", true),
            agent(4, "Anna Berg", "anna@desk.io", true),
            agent(5, "Gone Away", "gone@desk.io", false));

    @Test
    void aFullNameOrTheAddressBeforeTheAtNamesAnAgentInAnyCase() {
        assertThat(Mentions.in("@Maya Lindqvist can you check?", DESK)).containsExactly(1L);
        assertThat(Mentions.in("ping @MAYA.LINDQVIST.", DESK)).containsExactly(1L);
        assertThat(Mentions.in("@anna, @ann: both of you", DESK)).containsExactly(4L, 3L);
    }

    @Test
    void theLongestNameWinsAndANameEndsWhereAWordEnds() {
        assertThat(Mentions.in("@Maya what do you think", DESK)).containsExactly(2L);
        assertThat(Mentions.in("@Annabel is not Ann", DESK)).isEmpty();
        assertThat(Mentions.in("@Maya Lindqvist-Berg", DESK))
                .as("the name goes on")
                .containsExactly(2L);
    }

    @Test
    void addressesInactiveAgentsAndPlainTextNameNobody() {
        assertThat(Mentions.in("write to maya@desk.io", DESK)).isEmpty();
        assertThat(Mentions.in("@Gone Away", DESK)).isEmpty();
        assertThat(Mentions.in("no mention here", DESK)).isEmpty();
        assertThat(Mentions.in("@", DESK)).isEmpty();
        assertThat(Mentions.in(null, DESK)).isEmpty();
    }
}
