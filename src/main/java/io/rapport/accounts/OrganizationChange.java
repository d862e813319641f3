package io.rapport.accounts;

import java.util.List;

/** Changes to an organization; a null field is left alone, an empty notes text clears the notes. */
public record OrganizationChange(String name, List<String> domains, String notes) {}
