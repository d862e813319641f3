package io.rapport.sla.web;

import io.rapport.sla.Slas;
import io.rapport.sla.TicketSla;
import io.rapport.tickets.TicketFacet;
import io.rapport.tickets.TicketPanel;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.Formats;
import io.rapport.web.SecurityRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * How SLA shows on tickets and who may change it: the {@code sla} field of a ticket's answer, the "Targets" panel on
 * the ticket page, and admins only for creating calendars and policies.
 */
@Configuration(proxyBeanMethods = false)
class SlaWeb {

    @Bean
    TicketFacet slaFacet(Slas slas) {
        return new TicketFacet() {
            @Override
            public String name() {
                return "sla";
            }

            @Override
            public Optional<Object> of(long ticketId) {
                return slas.forTicket(ticketId).map(s -> s);
            }
        };
    }

    @Bean
    TicketPanel slaPanel(Slas slas, MessageSource messages, Formats formats, Clock clock) {
        return (ticketId, language) ->
                slas.forTicket(ticketId).map(s -> panel(s, messages, formats, language, clock.instant()));
    }

    static TicketPanel.Panel panel(TicketSla s, MessageSource messages, Formats formats, Locale language, Instant now) {
        List<String> lines = new ArrayList<>();
        line(lines, messages, formats, language, now, "sla.panel.firstResponse", s.firstResponseDueAt());
        line(lines, messages, formats, language, now, "sla.panel.nextResponse", s.nextResponseDueAt());
        line(lines, messages, formats, language, now, "sla.panel.solution", s.solutionDueAt());
        if (s.paused()) {
            lines.add(messages.getMessage("sla.panel.paused", null, language));
        }
        for (String missed : s.breached()) {
            lines.add(messages.getMessage(
                    "sla.panel.missed",
                    new Object[] {messages.getMessage("sla.target." + missed, null, language)},
                    language));
        }
        String summary = !s.breached().isEmpty()
                ? messages.getMessage(
                        "sla.panel.summary.missed", new Object[] {s.breached().size()}, language)
                : lines.isEmpty() ? messages.getMessage("sla.panel.summary.met", null, language) : lines.getFirst();
        return new TicketPanel.Panel(
                20,
                "sla",
                messages.getMessage("sla.panel.title", new Object[] {s.policy()}, language),
                summary,
                lines,
                List.of());
    }

    private static void line(
            List<String> lines,
            MessageSource messages,
            Formats formats,
            Locale language,
            Instant now,
            String key,
            Instant due) {
        if (due == null) {
            return;
        }
        Duration left = Duration.between(now, due);
        String when = left.isNegative()
                ? messages.getMessage(
                        "sla.panel.overdue", new Object[] {formats.span(left.negated(), language)}, language)
                : messages.getMessage("sla.panel.in", new Object[] {formats.span(left, language)}, language);
        lines.add(messages.getMessage(key, new Object[] {when}, language));
    }

    @Bean
    SecurityRules slaSecurity() {
        return new SecurityRules() {
            @Override
            public void authorize(
                    Area area,
                    org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<
                                            org.springframework.security.config.annotation.web.builders.HttpSecurity>
                                    .AuthorizationManagerRequestMatcherRegistry
                            rules) {
                if (area == Area.API) {
                    rules.requestMatchers(
                                    HttpMethod.POST,
                                    "/api/v1/calendars",
                                    "/api/v1/sla-policies",
                                    "/api/v1/sla-policies/**")
                            .hasAuthority(Authorities.ADMIN);
                }
            }
        };
    }
}
