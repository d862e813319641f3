package io.rapport.sla.web;

import io.rapport.accounts.Organizations;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.PageRequest;
import io.rapport.sla.CalendarView;
import io.rapport.sla.Slas;
import io.rapport.web.AdminTab;
import io.rapport.web.FormValues;
import io.rapport.web.PageErrors;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's SLA page: policies (what they apply to, their targets, their calendar) with a form to add one and a
 * button to stop one applying to new tickets; calendars with a form to add one (hours per weekday, holidays).
 */
@Controller
class SlaPages {

    static final String PAGE = "/admin/sla";
    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final Slas slas;
    private final Organizations organizations;
    private final PageErrors errors;

    SlaPages(Slas slas, Organizations organizations, PageErrors errors) {
        this.slas = slas;
        this.organizations = organizations;
        this.errors = errors;
    }

    /** A policy as typed. */
    record PolicyForm(
            String name,
            String priority,
            String organizationId,
            String firstResponseMinutes,
            String nextResponseMinutes,
            String solutionMinutes,
            String calendarId) {
        static PolicyForm empty() {
            return new PolicyForm(null, null, null, "60", null, "480", null);
        }
    }

    /** A calendar as typed: a time zone, hours per weekday ("09:00-12:00, 13:00-17:00"; empty: closed), holidays. */
    record CalendarForm(
            String name,
            String timezone,
            String mon,
            String tue,
            String wed,
            String thu,
            String fri,
            String sat,
            String sun,
            String holidays) {
        static CalendarForm empty() {
            String office = "09:00-17:00";
            return new CalendarForm(null, "Europe/Berlin", office, office, office, office, office, null, null, null);
        }

        /** A weekday's hours as typed. */
        public String typed(String code) {
            return switch (code) {
                case "mon" -> mon;
                case "tue" -> tue;
                case "wed" -> wed;
                case "thu" -> thu;
                case "fri" -> fri;
                case "sat" -> sat;
                default -> sun;
            };
        }

        List<String> day(String code) {
            String typed = typed(code);
            return typed == null || typed.isBlank()
                    ? List.of()
                    : Arrays.stream(typed.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("section", "sla");
        model.addAttribute("policies", slas.policies());
        List<CalendarView> calendars = slas.calendars();
        model.addAttribute("calendars", calendars);
        model.addAttribute(
                "calendarNames", calendars.stream().collect(Collectors.toMap(CalendarView::id, CalendarView::name)));
        var orgs = organizations.list(null, new PageRequest(0, 200)).items();
        model.addAttribute("organizations", orgs);
        model.addAttribute("organizationNames", orgs.stream().collect(Collectors.toMap(o -> o.id(), o -> o.name())));
        model.addAttribute("priorities", List.of("low", "normal", "high", "urgent"));
        model.addAttribute("days", DAYS);
        if (!model.containsAttribute("policyForm")) {
            model.addAttribute("policyForm", PolicyForm.empty());
        }
        if (!model.containsAttribute("calendarForm")) {
            model.addAttribute("calendarForm", CalendarForm.empty());
        }
        return "sla/admin/sla";
    }

    @PostMapping(PAGE + "/policies")
    String addPolicy(@ModelAttribute PolicyForm form, RedirectAttributes redirect) {
        try {
            slas.createPolicy(new Slas.NewPolicy(
                    form.name(),
                    form.priority() == null || form.priority().isBlank()
                            ? null
                            : form.priority().strip(),
                    FormValues.optionalNumber(form.organizationId(), "organizationId"),
                    minutes(form.firstResponseMinutes(), "firstResponseMinutes"),
                    minutes(form.nextResponseMinutes(), "nextResponseMinutes"),
                    minutes(form.solutionMinutes(), "solutionMinutes"),
                    FormValues.optionalNumber(form.calendarId(), "calendarId")));
            redirect.addFlashAttribute("saved", "policy");
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("policyForm", form);
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/policies/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            slas.deactivate(id);
            redirect.addFlashAttribute("saved", "deactivated");
        } catch (NotFound e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/calendars")
    String addCalendar(@ModelAttribute CalendarForm form, RedirectAttributes redirect) {
        try {
            Map<String, List<String>> hours = new LinkedHashMap<>();
            for (String day : DAYS) {
                if (!form.day(day).isEmpty()) {
                    hours.put(day, form.day(day));
                }
            }
            List<String> holidays = form.holidays() == null
                    ? List.of()
                    : Arrays.stream(form.holidays().split("[,\\s]+"))
                            .filter(s -> !s.isBlank())
                            .toList();
            slas.createCalendar(form.name(), form.timezone(), hours, holidays);
            redirect.addFlashAttribute("saved", "calendar");
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("calendarForm", form);
        }
        return "redirect:" + PAGE;
    }

    /** Minutes as typed; blank: none. */
    private static Integer minutes(String typed, String field) {
        Long value = FormValues.optionalNumber(typed, field);
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }

    @Bean
    static AdminTab slaTab() {
        return new AdminTab(27, PAGE, "admin.sla", "sla");
    }
}
