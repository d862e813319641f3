package io.rapport.routing;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * A rule the admin writes: a ticket that matches every condition given needs {@code skill} at {@code level} or above.
 * Conditions: any of the keywords in its subject or first message (whole words, any case), its channel, its customer's
 * organization, a tag (a web form's choice arrives as one). At least one condition is set.
 */
public record SkillRule(
        @NotNull long id,
        @NotNull String skill,
        @NotNull int level,
        @NotNull List<String> keywords,
        String channel,
        Long organizationId,
        String tag,
        @NotNull String createdBy,
        @NotNull Instant createdAt) {

    public SkillRule {
        keywords = List.copyOf(keywords);
    }
}
