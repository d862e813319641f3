package io.rapport.accounts;

import io.rapport.accounts.internal.AccountAudit;
import io.rapport.accounts.internal.OrganizationRepository;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.Page;
import io.rapport.common.PageRequest;
import io.rapport.common.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations: the companies customers belong to. An organization lists email domains; a customer whose address is
 * at one of them joins it when first seen, and customers in no organization join when the domain is added.
 */
@Service
public class Organizations {

    static final int MAX_NOTES = 10_000;
    static final int MAX_DOMAINS = 50;

    /** A host name of at least two labels, lower case (internationalized names in their xn-- form). */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    /** Mail providers whose users are not one organization: listing one would put strangers together. */
    private static final Set<String> PUBLIC_PROVIDERS = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "yahoo.com",
            "ymail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "gmx.de",
            "gmx.net",
            "gmx.at",
            "web.de",
            "t-online.de",
            "proton.me",
            "protonmail.com",
            "mail.ru",
            "yandex.ru",
            "qq.com",
            "163.com",
            "mail.com");

    private final OrganizationRepository organizations;
    private final AccountAudit audit;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, AccountAudit audit, Clock clock) {
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OrganizationView create(String name, List<String> domains, String notes, Actor by) {
        String checkedName = checkName(name);
        List<String> checkedDomains = checkDomains(domains == null ? List.of() : domains, null);
        String checkedNotes = checkNotes(notes);
        if (organizations.idOfName(checkedName).isPresent()) {
            throw new Conflict(
                    "organization.exists", "an organization named " + checkedName + " already exists", checkedName);
        }
        Instant now = Times.now(clock);
        long id = organizations.insert(checkedName, checkedNotes, now);
        organizations.replaceDomains(id, checkedDomains);
        organizations.adoptCustomers(id, checkedDomains, now);
        audit.record(by, "created", "organization", id, null, null, checkedName, now);
        if (!checkedDomains.isEmpty()) {
            audit.record(by, "changed", "organization", id, "domains", null, String.join(", ", checkedDomains), now);
        }
        return get(id);
    }

    @Transactional
    public OrganizationView update(long id, OrganizationChange change, Actor by) {
        if (!organizations.lock(id)) {
            throw NotFound.of("organization", id);
        }
        OrganizationView before = get(id);
        Instant now = Times.now(clock);
        String name = change.name() == null ? before.name() : checkName(change.name());
        if (!name.equalsIgnoreCase(before.name())
                && organizations.idOfName(name).filter(other -> other != id).isPresent()) {
            throw new Conflict("organization.exists", "an organization named " + name + " already exists", name);
        }
        String notes = change.notes() == null ? before.notes() : checkNotes(change.notes());
        organizations.update(id, name, notes, now);
        record(by, id, "name", before.name(), name, now);
        record(by, id, "notes", before.notes(), notes, now);
        if (change.domains() != null) {
            List<String> domains = checkDomains(change.domains(), id);
            if (!Set.copyOf(domains).equals(Set.copyOf(before.domains()))) {
                organizations.replaceDomains(id, domains);
                organizations.adoptCustomers(id, domains, now);
                record(by, id, "domains", String.join(", ", before.domains()), String.join(", ", domains), now);
            }
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public OrganizationView get(long id) {
        return organizations.find(id).orElseThrow(() -> NotFound.of("organization", id));
    }

    @Transactional(readOnly = true)
    public Page<OrganizationView> list(String filter, PageRequest page) {
        return organizations.search(filter, page);
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return organizations.find(id).isPresent();
    }

    @Transactional(readOnly = true)
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        return organizations.names(ids);
    }

    /** Who changed the organization and how, newest first. */
    @Transactional(readOnly = true)
    public List<AccountChange> history(long id) {
        return audit.of("organization", id, 100);
    }

    private void record(Actor by, long id, String field, String before, String after, Instant now) {
        if (!java.util.Objects.equals(before, after)) {
            audit.record(by, "changed", "organization", id, field, before, after, now);
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "is required");
        }
        String stripped = name.strip();
        if (stripped.length() > 200) {
            throw new InvalidInput("name", "must have at most 200 characters");
        }
        return stripped;
    }

    static String checkNotes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        if (notes.length() > MAX_NOTES) {
            throw new InvalidInput("notes", "must have at most " + MAX_NOTES + " characters");
        }
        return notes.strip();
    }

    /** Lower case, without a leading @, each a real domain, no public mail provider, none another organization's. */
    private List<String> checkDomains(List<String> domains, Long self) {
        if (domains.size() > MAX_DOMAINS) {
            throw new InvalidInput("domains", "at most " + MAX_DOMAINS + " domains");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String raw : domains) {
            if (raw == null) {
                throw new InvalidInput("domains", "must be domain names such as example.com");
            }
            String domain = raw.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.isEmpty()) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new InvalidInput("domains", domain + " is not a domain name such as example.com");
            }
            if (PUBLIC_PROVIDERS.contains(domain)) {
                throw new InvalidInput(
                        "domains", domain + " is a public mail provider: its users are not one organization");
            }
            String d = domain;
            organizations.ownerOf(d).filter(owner -> !owner.equals(self)).ifPresent(owner -> {
                throw new Conflict(
                        "organization.domain",
                        d + " belongs to organization " + owner + " already",
                        d,
                        get(owner).name());
            });
            checked.add(domain);
        }
        return new ArrayList<>(checked);
    }
}
