package io.rapport.accounts.web;

import io.rapport.accounts.Actor;
import io.rapport.accounts.AgentPrincipal;
import io.rapport.accounts.CustomerChange;
import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.CustomerView;
import io.rapport.accounts.Customers;
import io.rapport.accounts.OrganizationChange;
import io.rapport.accounts.OrganizationView;
import io.rapport.accounts.Organizations;
import io.rapport.accounts.ProfileSection;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.PageRequest;
import io.rapport.web.FormValues;
import io.rapport.web.PageErrors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customers and organizations in the workspace: lists with search, a page for each with what other modules show of
 * them (their tickets), editing, merging customers and the history of changes. For every agent.
 */
@Controller
class CustomerPages {

    static final int PAGE_SIZE = 50;

    private final Customers customers;
    private final Organizations organizations;
    private final List<ProfileSection> sections;
    private final PageErrors errors;

    CustomerPages(Customers customers, Organizations organizations, List<ProfileSection> sections, PageErrors errors) {
        this.customers = customers;
        this.organizations = organizations;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ProfileSection::order))
                .toList();
        this.errors = errors;
    }

    /** A section as the page inserts it. */
    record Section(String template, String fragment, Object data) {}

    /** What an agent typed into the customer form, given back with an error. */
    record CustomerForm(String name, String organizationId, String notes, String language) {}

    /** A language to choose, by its code and its name in the page's language. */
    record Language(String code, String name) {}

    @GetMapping("/customers")
    String customers(
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", customers.list(q, new PageRequest(Math.max(0, page), PAGE_SIZE)));
        return "accounts/customers/customers";
    }

    /** Known customers matching what an agent types (name or address), as options of the new-ticket form's list. */
    @GetMapping("/customers/suggest")
    String suggest(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String customerEmail,
            Model model) {
        String typed = q != null ? q : customerEmail;
        model.addAttribute(
                "suggestions",
                typed == null || typed.strip().length() < 2
                        ? List.of()
                        : customers.list(typed, new PageRequest(0, 10)).items());
        return "accounts/customers/suggest :: options";
    }

    @GetMapping("/customers/{id}")
    String customer(@PathVariable long id, Model model) {
        Optional<Long> current = customers.resolve(id);
        if (current.isEmpty()) {
            throw NotFound.of("customer", id);
        }
        if (current.get() != id) {
            return "redirect:/customers/" + current.get();
        }
        CustomerView customer = customers.get(id);
        model.addAttribute("customer", customer);
        model.addAttribute(
                "organizations",
                organizations.list(null, new PageRequest(0, 200)).items());
        model.addAttribute("languages", languages());
        model.addAttribute("history", customers.history(id));
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(s -> new Section(s.template(), s.fragment(), s.forCustomer(id)))
                        .toList());
        return "accounts/customers/customer";
    }

    /**
     * Saves the fields this agent changed (each comes with the value the page showed, {@code was*}): a colleague's
     * change to another field stays, and a field both changed keeps the colleague's value and is named.
     */
    @PostMapping("/customers/{id}")
    String changeCustomer(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "") String notes,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(required = false) String wasName,
            @RequestParam(required = false) String wasOrganizationId,
            @RequestParam(required = false) String wasNotes,
            @RequestParam(required = false) String wasLanguage,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            CustomerView now = customers.get(id);
            List<String> clashes = new java.util.ArrayList<>();
            String nowOrganization = now.organization() == null
                    ? ""
                    : String.valueOf(now.organization().id());
            customers.update(
                    id,
                    new CustomerChange(
                            mine("name", name, wasName, now.name(), clashes),
                            Optional.ofNullable(mine(
                                            "organization",
                                            organizationId,
                                            wasOrganizationId,
                                            nowOrganization,
                                            clashes))
                                    .map(CustomerPages::organization)
                                    .orElse(null),
                            mine("notes", notes, wasNotes, now.notes(), clashes),
                            mine("language", language, wasLanguage, now.preferredLanguage(), clashes)),
                    Actor.of(me));
            report(clashes, redirect);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("typed", new CustomerForm(name, organizationId, notes, language));
        }
        return "redirect:/customers/" + id;
    }

    /** Merges this customer into the one named by email address or id; the page then shows the kept customer. */
    @PostMapping("/customers/{id}/merge")
    String merge(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String into,
            @RequestParam(required = false) String confirm,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            FormValues.requireConfirmed(confirm);
            CustomerView kept = customers.merge(id, customerNamed(into), Actor.of(me));
            redirect.addFlashAttribute("merged", true);
            return "redirect:/customers/" + kept.id();
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("mergeError", errors.describe(e));
            redirect.addFlashAttribute("mergeInto", into);
            return "redirect:/customers/" + id + "#merge";
        }
    }

    @GetMapping("/organizations")
    String organizationList(
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", organizations.list(q, new PageRequest(Math.max(0, page), PAGE_SIZE)));
        return "accounts/customers/organizations";
    }

    @PostMapping("/organizations")
    String createOrganization(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String domains,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            OrganizationView created = organizations.create(name, split(domains), null, Actor.of(me));
            return "redirect:/organizations/" + created.id();
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("typedName", name);
            redirect.addFlashAttribute("typedDomains", domains);
            return "redirect:/organizations";
        }
    }

    @GetMapping("/organizations/{id}")
    String organization(@PathVariable long id, Model model) {
        OrganizationView organization = organizations.get(id);
        List<CustomerRef> members = customers.inOrganization(id, 200).stream()
                .sorted(Comparator.comparing(CustomerRef::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<Long> ids = customers.idsInOrganization(id, 10_000);
        model.addAttribute("organization", organization);
        model.addAttribute("members", members);
        model.addAttribute("history", organizations.history(id));
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(s -> new Section(s.template(), s.fragment(), s.forOrganization(id, ids)))
                        .toList());
        return "accounts/customers/organization";
    }

    /** As the customer form: only what this agent changed is saved, a field both changed is named. */
    @PostMapping("/organizations/{id}")
    String changeOrganization(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String domains,
            @RequestParam(defaultValue = "") String notes,
            @RequestParam(required = false) String wasName,
            @RequestParam(required = false) String wasDomains,
            @RequestParam(required = false) String wasNotes,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        try {
            OrganizationView now = organizations.get(id);
            List<String> clashes = new java.util.ArrayList<>();
            String myDomains = mine(
                    "domains",
                    String.join(", ", split(domains)),
                    wasDomains == null ? null : String.join(", ", split(wasDomains)),
                    String.join(", ", now.domains()),
                    clashes);
            organizations.update(
                    id,
                    new OrganizationChange(
                            mine("name", name, wasName, now.name(), clashes),
                            myDomains == null ? null : split(myDomains),
                            mine("notes", notes, wasNotes, now.notes(), clashes)),
                    Actor.of(me));
            report(clashes, redirect);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("typedName", name);
            redirect.addFlashAttribute("typedDomains", domains);
            redirect.addFlashAttribute("typedNotes", notes);
        }
        return "redirect:/organizations/" + id;
    }

    /**
     * The agent's value of a field if the agent changed it (else null: leave it); a field a colleague changed meanwhile
     * to something else is left as they set it and named in {@code clashes}. Without a shown value (an older page),
     * what was sent.
     */
    static String mine(String field, String sent, String shown, String current, List<String> clashes) {
        if (shown == null) {
            return sent;
        }
        String mine = same(sent);
        String was = same(shown);
        String now = same(current);
        if (mine.equals(was)) {
            return null;
        }
        if (!now.equals(was) && !now.equals(mine)) {
            clashes.add(field);
            return null;
        }
        return sent;
    }

    /** A value as two people would compare it: line ends and surrounding space aside. */
    private static String same(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    /** "Saved.", or which fields a colleague changed meanwhile (the rest was saved). */
    private void report(List<String> clashes, RedirectAttributes redirect) {
        if (clashes.isEmpty()) {
            redirect.addFlashAttribute("saved", true);
            return;
        }
        redirect.addFlashAttribute(
                "error",
                errors.text(
                        "customers.clash",
                        clashes.stream()
                                .map(f -> errors.text("customers.field." + f))
                                .collect(java.util.stream.Collectors.joining(", "))));
    }

    /** "example.com, example.org" or one per line. */
    private static List<String> split(String domains) {
        return Arrays.stream(domains.split("[,;\\s]+"))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .toList();
    }

    private static Optional<Long> organization(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return Optional.of(id);
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidInput("organizationId", "must be an organization");
    }

    /** A customer by email address, or by id (with or without a leading #). */
    private long customerNamed(String into) {
        String value = into.strip();
        if (value.contains("@")) {
            return customers
                    .findByEmail(value)
                    .map(CustomerRef::id)
                    .orElseThrow(() -> new InvalidInput("into", "no customer with the address " + value));
        }
        long id = FormValues.number(value, "into", "name the customer to keep by email address or id");
        return customers.resolve(id).orElseThrow(() -> new InvalidInput("into", "no customer with id " + id));
    }

    /** Every ISO 639-1 language, named in the page's language, by name. */
    private static List<Language> languages() {
        Locale page = LocaleContextHolder.getLocale();
        return Arrays.stream(Locale.getISOLanguages())
                .map(code -> new Language(code, Locale.forLanguageTag(code).getDisplayLanguage(page)))
                .sorted(Comparator.comparing(Language::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
