package io.rapport.tickets.web;

import io.rapport.common.InvalidInput;
import io.rapport.tickets.HandoffReport;
import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.SecurityRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for supervisors and admins: handoffs (right first time, escalations, hops). */
@RestController
@Tag(name = "Reports")
class ReportApi {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final HandoffReport handoffs;
    private final Clock clock;

    ReportApi(HandoffReport handoffs, Clock clock) {
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/handoffs")
    @Operation(
            operationId = "handoffReport",
            summary =
                    "Tickets solved in a period: solved by the first person given them (right first time), escalated, hops")
    Map<String, List<HandoffReport.Row>> handoffs(
            @Parameter(description = "first day, YYYY-MM-DD (UTC); default 30 days ago") @RequestParam(required = false)
                    String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC), included; default today")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "team (default), agent or channel") @RequestParam(required = false)
                    String groupBy) {
        Instant end = to == null ? clock.instant() : day(to, "to").plus(Duration.ofDays(1));
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : day(from, "from");
        return Map.of("rows", handoffs.rows(start, end, groupBy));
    }

    private static Instant day(String value, String field) {
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                throw new InvalidInput(field, "must be a date such as 2026-11-30");
            }
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date such as 2026-11-30");
        }
    }

    @Bean
    static SecurityRules reportRules() {
        return new SecurityRules() {
            @Override
            public void authorize(
                    Area area,
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                if (area == Area.API) {
                    rules.requestMatchers("/api/v1/reports/**")
                            .hasAnyAuthority(Authorities.SUPERVISOR, Authorities.ADMIN);
                }
            }
        };
    }
}
