package io.rapport.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.routing.RoutingRules;
import io.rapport.routing.SkillRule;
import io.rapport.routing.Widening;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of assignment that are rules, not plumbing: widening over time, rule matching, configured languages. */
class AssignmentRulesTests {

    @Test
    void theRequirementsWidenOneStepPerWait() {
        Duration wait = Duration.ofMinutes(2);
        assertThat(Assignment.allowed(Duration.ZERO, wait)).isEqualTo(Widening.NONE);
        assertThat(Assignment.allowed(Duration.ofSeconds(119), wait)).isEqualTo(Widening.NONE);
        assertThat(Assignment.allowed(Duration.ofMinutes(2), wait)).isEqualTo(Widening.BASIC_LANGUAGE);
        assertThat(Assignment.allowed(Duration.ofMinutes(5), wait)).isEqualTo(Widening.LOWER_SKILL);
        assertThat(Assignment.allowed(Duration.ofMinutes(6), wait)).isEqualTo(Widening.ANY_LANGUAGE);
        assertThat(Assignment.allowed(Duration.ofDays(3), wait)).isEqualTo(Widening.ANY_LANGUAGE);
        assertThat(Assignment.allowed(Duration.ZERO, Duration.ZERO))
                .as("no wait: everything widened at once")
                .isEqualTo(Widening.ANY_LANGUAGE);
    }

    private static SkillRule rule(List<String> keywords, String channel, Long organization, String tag) {
        return new SkillRule(1, "billing", 3, keywords, channel, organization, tag, "Admin", Instant.EPOCH);
    }

    @Test
    void aRuleMatchesWhenEveryConditionItSetsHolds() {
        SkillRule words = rule(List.of("invoice", "charged twice"), null, null, null);
        assertThat(RoutingRules.matches(words, "where is my invoice?", "email", null, Set.of()))
                .isTrue();
        assertThat(RoutingRules.matches(words, "i was charged twice", "email", null, Set.of()))
                .isTrue();
        assertThat(RoutingRules.matches(words, "invoices are fine", "email", null, Set.of()))
                .as("whole words only")
                .isFalse();
        assertThat(RoutingRules.matches(words, "reinvoice", "email", null, Set.of()))
                .isFalse();

        SkillRule chatFromAcme = rule(List.of(), "chat", 7L, null);
        assertThat(RoutingRules.matches(chatFromAcme, "hi", "chat", 7L, Set.of()))
                .isTrue();
        assertThat(RoutingRules.matches(chatFromAcme, "hi", "email", 7L, Set.of()))
                .isFalse();
        assertThat(RoutingRules.matches(chatFromAcme, "hi", "chat", 8L, Set.of()))
                .isFalse();
        assertThat(RoutingRules.matches(chatFromAcme, "hi", "chat", null, Set.of()))
                .isFalse();

        SkillRule tagged = rule(List.of("refund"), null, null, "vip");
        assertThat(RoutingRules.matches(tagged, "refund please", "web", null, Set.of("vip")))
                .isTrue();
        assertThat(RoutingRules.matches(tagged, "refund please", "web", null, Set.of("other")))
                .isFalse();
        assertThat(RoutingRules.matches(tagged, "hello", "web", null, Set.of("vip")))
                .isFalse();
    }

    @Test
    void onlyLanguagesLinguaKnowsMayBeConfigured() {
        assertThat(new LinguaDetection(List.of(" DE", "en", "")).languages()).containsExactlyInAnyOrder("de", "en");
        assertThatThrownBy(() -> new LinguaDetection(List.of("en", "xx", "klingon")))
                .hasMessageContaining("xx")
                .hasMessageContaining("klingon");
        assertThat(new LinguaDetection(List.of()).detect("Hallo, meine Rechnung ist falsch"))
                .isEmpty();
        assertThat(new LinguaDetection(List.of("de")).detect("Hallo")).contains("de");
        assertThat(new LinguaDetection(List.of("de", "en")).detect("12345 !!!"))
                .as("no letters, nothing to tell")
                .isEmpty();
    }
}
