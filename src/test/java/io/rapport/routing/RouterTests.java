package io.rapport.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.accounts.LanguageLevel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A table of agents and tickets, with the choice a team lead would make and the reasons they would give. */
class RouterTests {

    private static final Router ROUTER = new Router();

    /** The product's own English messages, as the API writes the reasons. */
    private static final org.springframework.context.support.ResourceBundleMessageSource MESSAGES =
            new org.springframework.context.support.ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static List<String> english(Decision d) {
        return Routings.texts(MESSAGES, d.reasons(), java.util.Locale.ENGLISH);
    }

    private static Candidate agent(
            long id,
            String name,
            boolean available,
            int tier,
            int open,
            Map<String, Integer> skills,
            Map<String, LanguageLevel> languages,
            long lastAssigned) {
        return new Candidate(id, name, available, tier, open, 10, skills, languages, Set.of(1L), lastAssigned);
    }

    private static final LanguageLevel NATIVE = LanguageLevel.NATIVE;
    private static final LanguageLevel FLUENT = LanguageLevel.FLUENT;
    private static final LanguageLevel BASIC = LanguageLevel.BASIC;

    /** The billing team: who is there, what they know, what they hold. */
    private static final List<Candidate> BILLING = List.of(
            agent(1, "Ada", true, 1, 2, Map.of("billing", 4), Map.of("de", NATIVE, "en", FLUENT), 100),
            agent(2, "Ben", true, 1, 5, Map.of("billing", 3), Map.of("en", NATIVE), 100),
            agent(3, "Cem", true, 2, 1, Map.of("billing", 5), Map.of("de", NATIVE), 100),
            agent(4, "Dora", false, 1, 0, Map.of("billing", 5), Map.of("de", NATIVE), 100),
            agent(5, "Eva", true, 1, 10, Map.of("billing", 5), Map.of("de", NATIVE), 100),
            agent(6, "Fin", true, 1, 2, Map.of("billing", 4), Map.of("de", FLUENT), 50));

    private static Need need(String language, int billing) {
        return new Need(Map.of("billing", billing), language, 1, 1L);
    }

    @Test
    void aGermanBillingQuestionGoesToTheFreeNativeSpeakerOfTheFirstTierWithTheSkill() {
        Decision d = ROUTER.decide(need("de", 3), BILLING, Widening.NONE);
        assertThat(d.agentId()).isEqualTo(1L);
        assertThat(english(d))
                .startsWith("speaks German natively", "billing level 4 (needs 3)", "tier 1", "2 of 10 items (20%)")
                .contains("3 fit; the best of them");
        assertThat(d.widening()).isEqualTo(Widening.NONE);
        assertThat(d.candidates()).extracting(Decision.Ranked::name).containsExactly("Ada", "Cem", "Fin");
        assertThat(d.candidates().get(0).score())
                .isGreaterThan(d.candidates().get(1).score());
    }

    @Test
    void aNativeSpeakerComesBeforeAFluentOneAndTheFirstTierBeforeASpecialistEvenWhenBusier() {
        List<Candidate> busyAda = BILLING.stream()
                .map(a -> a.agentId() == 1
                        ? agent(1, "Ada", true, 1, 8, Map.of("billing", 4), Map.of("de", NATIVE), 100)
                        : a)
                .toList();
        assertThat(ROUTER.decide(need("de", 3), busyAda, Widening.NONE).agentId())
                .isEqualTo(1L);
        List<Candidate> withoutAda =
                BILLING.stream().filter(a -> a.agentId() != 1).toList();
        assertThat(ROUTER.decide(need("de", 3), withoutAda, Widening.NONE).agentId())
                .as("the native speaker in tier 2 before the fluent one in tier 1")
                .isEqualTo(3L);
    }

    @Test
    void amongEqualsTheOneWhoWaitedLongestGetsTheTicket() {
        List<Candidate> twins = List.of(
                agent(7, "Gus", true, 1, 3, Map.of("billing", 3), Map.of("de", NATIVE), 900),
                agent(8, "Hal", true, 1, 3, Map.of("billing", 3), Map.of("de", NATIVE), 400));
        Decision d = ROUTER.decide(need("de", 3), twins, Widening.NONE);
        assertThat(d.agentId()).isEqualTo(8L);
        assertThat(english(d)).contains("longest without a new ticket among equals");
        List<Candidate> lighter = List.of(
                agent(7, "Gus", true, 1, 1, Map.of("billing", 3), Map.of("de", NATIVE), 900),
                agent(8, "Hal", true, 1, 3, Map.of("billing", 3), Map.of("de", NATIVE), 400));
        Decision byLoad = ROUTER.decide(need("de", 3), lighter, Widening.NONE);
        assertThat(byLoad.agentId()).as("load before turn").isEqualTo(7L);
        assertThat(english(byLoad)).doesNotContain("longest without a new ticket among equals");
    }

    @Test
    void whenNobodyFitsTheRequirementsWidenStepByStepAndOnlyAsFarAsAllowed() {
        Need english5 = need("en", 5); // only Cem, Dora and Eva have billing 5: no English, away, full
        Decision strict = ROUTER.decide(english5, BILLING, Widening.NONE);
        assertThat(strict.agentId()).isNull();
        assertThat(english(strict))
                .contains(
                        "nobody fits of 6 agents weighed",
                        "1 not available",
                        "1 at capacity",
                        "waits in the team's queue");
        Decision lower = ROUTER.decide(english5, BILLING, Widening.LOWER_SKILL);
        assertThat(lower.agentId()).as("billing 4 and fluent English").isEqualTo(1L);
        assertThat(lower.widening()).isEqualTo(Widening.LOWER_SKILL);
        assertThat(english(lower)).contains("nobody free had the skill level asked for: widened to one level lower");

        Need french = need("fr", 3);
        assertThat(ROUTER.decide(french, BILLING, Widening.LOWER_SKILL).agentId())
                .isNull();
        Decision anyLanguage = ROUTER.decide(french, BILLING, Widening.ANY_LANGUAGE);
        assertThat(anyLanguage.agentId())
                .as("nobody speaks French: tier, load, then turn")
                .isEqualTo(6L);
        assertThat(english(anyLanguage))
                .contains("does not speak French", "nobody free speaks French: widened to any language");

        List<Candidate> basicOnly = List.of(
                agent(9, "Ida", true, 1, 0, Map.of("billing", 3), Map.of("fr", BASIC), 0),
                agent(10, "Jo", true, 1, 0, Map.of("billing", 3), Map.of(), 0));
        Decision basic = ROUTER.decide(french, basicOnly, Widening.BASIC_LANGUAGE);
        assertThat(basic.agentId()).isEqualTo(9L);
        assertThat(english(basic))
                .contains("speaks some French", "no fluent French speaker was free: widened to basic French");
    }

    @Test
    void anEscalationNeedsItsTierAndATeamOnlyItsMembers() {
        Decision escalated = ROUTER.decide(new Need(Map.of("billing", 3), "de", 2, 1L), BILLING, Widening.NONE);
        assertThat(escalated.agentId()).isEqualTo(3L);
        assertThat(english(escalated)).contains("tier 2", "the only one who fits");
        Decision otherTeam = ROUTER.decide(new Need(Map.of(), "de", 1, 2L), BILLING, Widening.ANY_LANGUAGE);
        assertThat(otherTeam.agentId()).isNull();
        assertThat(english(otherTeam)).contains("4 in other teams", "1 not available", "1 at capacity");
    }

    @Test
    void withoutAKnownLanguageTierAndLoadDecide() {
        Decision d = ROUTER.decide(new Need(Map.of(), null, 1, null), BILLING, Widening.NONE);
        assertThat(d.agentId()).as("tier 1, 2 of 10, waited longest").isEqualTo(6L);
        assertThat(english(d)).noneMatch(r -> r.startsWith("speaks"));
    }
}
