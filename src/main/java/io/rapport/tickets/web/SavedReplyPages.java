package io.rapport.tickets.web;

import io.rapport.accounts.AgentPrincipal;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.Forbidden;
import io.rapport.common.InvalidInput;
import io.rapport.tickets.NewSavedReply;
import io.rapport.tickets.SavedReplies;
import io.rapport.tickets.SavedReply;
import io.rapport.tickets.TicketStatus;
import io.rapport.web.FormValues;
import io.rapport.web.PageErrors;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent's saved replies (issue 10, point 3; ADR 28): theirs and the shared ones, written and changed here, used from
 * the reply box. Supervisors and admins share theirs with everyone.
 */
@Controller
class SavedReplyPages {

    static final String PAGE = "/saved-replies";

    /** The form as posted: {@code variant_de} and so on hold the reply in other languages. */
    record Form(String title, String body, boolean shared, String status, String tags, String version) {}

    private final SavedReplies replies;
    private final PageErrors errors;
    private final List<String> languages;

    SavedReplyPages(SavedReplies replies, PageErrors errors, @Value("${rapport.languages}") List<String> languages) {
        this.replies = replies;
        this.errors = errors;
        this.languages = List.copyOf(languages);
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String edit, @AuthenticationPrincipal AgentPrincipal me, Model model) {
        SavedReply editing = edit != null && edit.matches("\\d{1,18}")
                ? replies.find(Long.parseLong(edit), me.id()).orElse(null)
                : null;
        model.addAttribute("replies", replies.usableBy(me.id()));
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    editing == null
                            ? new Form("", "", false, "", "", "")
                            : new Form(
                                    editing.title(),
                                    editing.body(),
                                    editing.shared(),
                                    editing.status() == null
                                            ? ""
                                            : editing.status().code(),
                                    String.join(", ", editing.tags()),
                                    Integer.toString(editing.version())));
            model.addAttribute("variants", editing == null ? Map.of() : editing.variants());
        }
        model.addAttribute("otherLanguages", languages.subList(1, languages.size()));
        model.addAttribute("mayShare", me.role() != io.rapport.accounts.Role.AGENT);
        model.addAttribute("placeholders", SavedReplies.PLACEHOLDERS);
        return "tickets/saved-replies";
    }

    @PostMapping(PAGE)
    String create(
            @RequestParam Map<String, String> posted,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        Form form = form(posted);
        try {
            SavedReply saved = replies.create(reply(form, posted), me.id());
            redirect.addFlashAttribute("saved", saved.title());
        } catch (InvalidInput | Conflict | Forbidden e) {
            keep(redirect, form, posted, e);
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}")
    String update(
            @PathVariable long id,
            @RequestParam Map<String, String> posted,
            @AuthenticationPrincipal AgentPrincipal me,
            RedirectAttributes redirect) {
        Form form = form(posted);
        try {
            Long version = FormValues.optionalNumber(form.version(), "version");
            SavedReply saved = replies.update(
                    id, version == null ? 0 : (int) Math.min(version, Integer.MAX_VALUE), reply(form, posted), me.id());
            redirect.addFlashAttribute("saved", saved.title());
            return "redirect:" + PAGE;
        } catch (InvalidInput | Conflict | Forbidden e) {
            // after a colleague's save, saving again applies this text over theirs, shown beside it: the form
            // names their version; any other refusal keeps the version the edit started from
            boolean stale = e instanceof Conflict c && "savedReply.changed".equals(c.code());
            var theirs = stale ? replies.find(id, me.id()).orElse(null) : null;
            String now = theirs == null ? form.version() : Integer.toString(theirs.version());
            redirect.addFlashAttribute("theirs", theirs);
            keep(
                    redirect,
                    new Form(form.title(), form.body(), form.shared(), form.status(), form.tags(), now),
                    posted,
                    e);
            return "redirect:" + PAGE + "?edit=" + id;
        }
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        try {
            replies.delete(id, me.id());
            redirect.addFlashAttribute("deleted", true);
        } catch (Forbidden e) {
            redirect.addFlashAttribute("error", errors.describe(e));
        }
        return "redirect:" + PAGE;
    }

    private void keep(RedirectAttributes redirect, Form form, Map<String, String> posted, RuntimeException e) {
        redirect.addFlashAttribute("error", errors.describe(e));
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("variants", variants(posted));
    }

    private static Form form(Map<String, String> posted) {
        return new Form(
                posted.getOrDefault("title", ""),
                posted.getOrDefault("body", "").replace("\r\n", "\n"),
                "yes".equals(posted.get("shared")),
                posted.getOrDefault("status", ""),
                posted.getOrDefault("tags", ""),
                posted.getOrDefault("version", ""));
    }

    private Map<String, String> variants(Map<String, String> posted) {
        Map<String, String> variants = new LinkedHashMap<>();
        for (String language : languages) {
            String body = posted.get("variant_" + language);
            if (body != null && !body.isBlank()) {
                variants.put(language, body.replace("\r\n", "\n"));
            }
        }
        return variants;
    }

    private NewSavedReply reply(Form form, Map<String, String> posted) {
        String shared = posted.get("shared");
        if (shared != null && !shared.isEmpty() && !"yes".equals(shared)) {
            throw new InvalidInput("shared", "is a checkbox: yes or nothing");
        }
        return new NewSavedReply(
                form.title(),
                form.body(),
                form.shared(),
                form.status().isBlank() ? null : Codes.parse(TicketStatus.class, form.status(), "status"),
                form.tags().isBlank()
                        ? List.of()
                        : Arrays.stream(form.tags().split(","))
                                .map(String::strip)
                                .filter(t -> !t.isEmpty())
                                .toList(),
                variants(posted));
    }
}
