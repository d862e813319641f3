package io.rapport.routing;

import io.rapport.accounts.LanguageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chooses who takes a ticket, as a team lead would, and says why. Only agents who are available, below their capacity,
 * in the ticket's team, of at least the tier it needs and with every skill it needs at the level it needs may take it.
 * Among them: the customer's language first (native speakers, then fluent ones), then the lowest tier that may take it
 * (specialists stay free for what needs them), then the lightest load (open items against capacity), then whoever has
 * waited longest for a ticket (round robin among equals). When nobody fits, the requirements widen step by step
 * ({@link Widening}) up to the step allowed; past it the ticket waits in the team's queue, never dropped.
 *
 * <p>Stateless and thread-safe. Reasons are worded for the few candidates shown, not for every agent weighed.
 */
public final class Router {

    /** How many candidates a decision explains. */
    public static final int EXPLAINED = 5;

    private static final Comparator<Weighed> BEST_FIRST = Comparator.comparingInt(Weighed::languageRank)
            .thenComparingInt(Weighed::tierDistance)
            .thenComparingDouble(Weighed::load)
            .thenComparingLong(w -> w.agent().lastAssigned())
            .thenComparingLong(w -> w.agent().agentId());

    /** A candidate who may take the ticket, with what ranks them. */
    private record Weighed(Candidate agent, int languageRank, int tierDistance, double load) {}

    /** Why agents were left out, counted for the explanation when nobody fits. */
    private static final class Excluded {
        int away;
        int full;
        int otherTeam;
        int lowTier;
        int skill;
        int language;
    }

    /** Decides, widening the requirements at most up to {@code upTo}. */
    public Decision decide(Need need, List<Candidate> agents, Widening upTo) {
        Excluded excluded = new Excluded();
        for (Widening step = Widening.NONE; step != null; step = step.next()) {
            excluded = new Excluded();
            List<Weighed> eligible = eligible(need, agents, step, excluded);
            if (!eligible.isEmpty()) {
                return chosen(need, eligible, step);
            }
            if (step == upTo) {
                break;
            }
        }
        return nobody(need, agents.size(), excluded, upTo);
    }

    private static List<Weighed> eligible(Need need, List<Candidate> agents, Widening step, Excluded excluded) {
        List<Weighed> eligible = new ArrayList<>();
        boolean lowerSkill = step.compareTo(Widening.LOWER_SKILL) >= 0;
        for (Candidate agent : agents) {
            if (!agent.available()) {
                excluded.away++;
            } else if (agent.openItems() >= agent.capacity()) {
                excluded.full++;
            } else if (need.teamId() != null && !agent.teamIds().contains(need.teamId())) {
                excluded.otherTeam++;
            } else if (agent.tier() < need.minTier()) {
                excluded.lowTier++;
            } else if (!hasSkills(agent, need.skills(), lowerSkill)) {
                excluded.skill++;
            } else {
                int rank = languageRank(agent, need.language());
                if (!speaksEnough(rank, step)) {
                    excluded.language++;
                } else {
                    eligible.add(new Weighed(
                            agent, rank, agent.tier() - need.minTier(), (double) agent.openItems() / agent.capacity()));
                }
            }
        }
        return eligible;
    }

    private static boolean hasSkills(Candidate agent, Map<String, Integer> needed, boolean lowerSkill) {
        for (Map.Entry<String, Integer> skill : needed.entrySet()) {
            int level = agent.skills().getOrDefault(skill.getKey(), 0);
            int wanted = lowerSkill ? Math.max(1, skill.getValue() - 1) : skill.getValue();
            if (level < wanted) {
                return false;
            }
        }
        return true;
    }

    /** 0 native (or no language known), 1 fluent, 2 basic, 3 does not speak it. */
    private static int languageRank(Candidate agent, String language) {
        if (language == null) {
            return 0;
        }
        LanguageLevel level = agent.languages().get(language);
        return level == null ? 3 : level.ordinal();
    }

    private static boolean speaksEnough(int rank, Widening step) {
        return switch (step) {
            case NONE -> rank <= 1;
            case BASIC_LANGUAGE, LOWER_SKILL -> rank <= 2;
            case ANY_LANGUAGE -> true;
        };
    }

    private static Decision chosen(Need need, List<Weighed> eligible, Widening step) {
        eligible.sort(BEST_FIRST);
        List<Decision.Ranked> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(EXPLAINED, eligible.size()); i++) {
            Weighed w = eligible.get(i);
            shown.add(new Decision.Ranked(w.agent().agentId(), w.agent().name(), score(w), reasons(need, w)));
        }
        Weighed best = eligible.getFirst();
        List<Reason> reasons = new ArrayList<>(reasons(need, best));
        if (eligible.size() > 1 && tied(best, eligible.get(1))) {
            reasons.add(Reason.of("longestWithout"));
        }
        Reason widened = widened(need, step);
        if (widened != null) {
            reasons.add(widened);
        }
        reasons.add(eligible.size() == 1 ? Reason.of("onlyOne") : Reason.of("bestOf", eligible.size()));
        return new Decision(best.agent().agentId(), List.copyOf(reasons), step, List.copyOf(shown));
    }

    private static boolean tied(Weighed a, Weighed b) {
        return a.languageRank() == b.languageRank() && a.tierDistance() == b.tierDistance() && a.load() == b.load();
    }

    /** For display only: language, then tier, then free capacity, as the ranking weighs them. */
    private static double score(Weighed w) {
        return (3 - w.languageRank()) * 100 + (2 - w.tierDistance()) * 10 + (1 - w.load()) * 9;
    }

    private static List<Reason> reasons(Need need, Weighed w) {
        List<Reason> reasons = new ArrayList<>();
        if (need.language() != null) {
            Object language = Reason.language(need.language());
            reasons.add(
                    switch (w.languageRank()) {
                        case 0 -> Reason.of("speaksNative", language);
                        case 1 -> Reason.of("speaksFluent", language);
                        case 2 -> Reason.of("speaksSome", language);
                        default -> Reason.of("speaksNot", language);
                    });
        }
        need.skills().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(skill -> reasons.add(Reason.of(
                        "skillLevel",
                        skill.getKey(),
                        w.agent().skills().getOrDefault(skill.getKey(), 0),
                        skill.getValue())));
        reasons.add(Reason.of("tier", w.agent().tier()));
        reasons.add(Reason.of("load", w.agent().openItems(), w.agent().capacity(), Math.round(w.load() * 100)));
        return List.copyOf(reasons);
    }

    private static Reason widened(Need need, Widening step) {
        return switch (step) {
            case NONE -> null;
            case BASIC_LANGUAGE -> Reason.of("widenedBasic", Reason.language(need.language()));
            case LOWER_SKILL -> Reason.of("widenedSkill");
            case ANY_LANGUAGE -> Reason.of("widenedAny", Reason.language(need.language()));
        };
    }

    private static Decision nobody(Need need, int weighed, Excluded excluded, Widening step) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of("nobodyFits", weighed));
        add(reasons, excluded.away, Reason.of("away", excluded.away));
        add(reasons, excluded.full, Reason.of("full", excluded.full));
        add(reasons, excluded.otherTeam, Reason.of("otherTeam", excluded.otherTeam));
        add(reasons, excluded.lowTier, Reason.of("lowTier", excluded.lowTier, need.minTier()));
        add(reasons, excluded.skill, Reason.of("noSkill", excluded.skill));
        add(
                reasons,
                excluded.language,
                need.language() == null
                        ? Reason.of("noLanguage", excluded.language)
                        : Reason.of("noLanguageNamed", excluded.language, Reason.language(need.language())));
        reasons.add(waits(need.teamId()));
        return new Decision(null, List.copyOf(reasons), step, List.of());
    }

    /** Where a ticket nobody took waits: its team's queue, or the queue of tickets of no team. */
    public static Reason waits(Long teamId) {
        return teamId == null ? Reason.of("waitsQueue") : Reason.of("waitsTeamQueue");
    }

    private static void add(List<Reason> reasons, int count, Reason why) {
        if (count > 0) {
            reasons.add(why);
        }
    }
}
