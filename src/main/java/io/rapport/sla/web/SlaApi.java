package io.rapport.sla.web;

import io.rapport.common.InvalidInput;
import io.rapport.sla.CalendarView;
import io.rapport.sla.PolicyView;
import io.rapport.sla.Slas;
import io.rapport.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** SLA over JSON: the contract's calendars and policies calls (admins create; everyone reads). */
@RestController
@Tag(name = "SLA", description = "Business-hours calendars and SLA policies")
class SlaApi {

    private final Slas slas;

    SlaApi(Slas slas) {
        this.slas = slas;
    }

    @Schema(description = "A business-hours calendar")
    record CalendarRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Europe/Berlin")
            String timezone,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "mon..sun, each a list of HH:MM-HH:MM; a day left out is closed")
            Map<String, List<String>> hours,

            @Schema(description = "closed dates, YYYY-MM-DD")
            List<String> holidays) {}

    @PostMapping(path = "/api/v1/calendars", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createCalendar",
            summary = "Add a business-hours calendar (admin)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CalendarRequest.class))))
    CalendarView createCalendar(@RequestBody JsonNode body) {
        JsonFields.object(body);
        return slas.createCalendar(
                JsonFields.text(body, "name"),
                JsonFields.text(body, "timezone"),
                hours(body),
                JsonFields.strings(body, "holidays"));
    }

    @GetMapping("/api/v1/calendars")
    @Operation(operationId = "listCalendars", summary = "The business-hours calendars")
    List<CalendarView> calendars() {
        return slas.calendars();
    }

    @GetMapping("/api/v1/calendars/{id}")
    @Operation(operationId = "getCalendar", summary = "One business-hours calendar")
    CalendarView calendar(@PathVariable long id) {
        return slas.calendar(id);
    }

    @Schema(description = "An SLA policy: targets in business minutes on its calendar (none: around the clock)")
    record PolicyRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(
                    allowableValues = {"low", "normal", "high", "urgent"},
                    description = "absent: any priority")
            String priority,

            @Schema(description = "absent: any customer") Long organizationId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
            Integer firstResponseMinutes,

            @Schema(minimum = "1") Integer nextResponseMinutes,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
            Integer solutionMinutes,

            Long calendarId) {}

    @PostMapping(path = "/api/v1/sla-policies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createSlaPolicy",
            summary = "Add an SLA policy (admin); the most specific active one applies to each new ticket",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = PolicyRequest.class))))
    PolicyView createPolicy(@RequestBody JsonNode body) {
        JsonFields.object(body);
        return slas.createPolicy(new Slas.NewPolicy(
                JsonFields.text(body, "name"),
                JsonFields.text(body, "priority"),
                JsonFields.idOrNull(body, "organizationId"),
                JsonFields.whole(body, "firstResponseMinutes", 1, Integer.MAX_VALUE),
                JsonFields.whole(body, "nextResponseMinutes", 1, Integer.MAX_VALUE),
                JsonFields.whole(body, "solutionMinutes", 1, Integer.MAX_VALUE),
                JsonFields.idOrNull(body, "calendarId")));
    }

    @GetMapping("/api/v1/sla-policies")
    @Operation(operationId = "listSlaPolicies", summary = "The SLA policies, active or not")
    List<PolicyView> policies() {
        return slas.policies();
    }

    @PostMapping("/api/v1/sla-policies/{id}/deactivate")
    @Operation(operationId = "deactivateSlaPolicy", summary = "Stop a policy applying to new tickets (admin)")
    PolicyView deactivate(@PathVariable long id) {
        return slas.deactivate(id);
    }

    /** {"mon":["09:00-17:00"], ...}: an object of lists of strings. */
    private static Map<String, List<String>> hours(JsonNode body) {
        JsonNode node = body.get("hours");
        if (node == null || node.isNull()) {
            throw new InvalidInput("hours", "is required: {\"mon\":[\"09:00-17:00\"], ...}");
        }
        if (!node.isObject()) {
            throw new InvalidInput("hours", "must be an object of weekdays to lists of HH:MM-HH:MM");
        }
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (var day : node.properties()) {
            if (!day.getValue().isArray()) {
                throw new InvalidInput("hours", "each day is a list of HH:MM-HH:MM");
            }
            List<String> spans = new ArrayList<>();
            for (JsonNode span : day.getValue()) {
                if (!span.isString()) {
                    throw new InvalidInput("hours", "each day is a list of HH:MM-HH:MM");
                }
                spans.add(span.asString());
            }
            hours.put(day.getKey(), spans);
        }
        return hours;
    }
}
