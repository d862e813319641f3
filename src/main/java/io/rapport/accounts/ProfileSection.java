package io.rapport.accounts;

import java.util.List;

/**
 * A section of a customer's or an organization's page, contributed as a bean by the module that owns what it shows
 * (tickets shows their tickets), so that accounts need not know that module. The page inserts fragment
 * {@code fragment()} of template {@code template()} with the data given.
 */
public interface ProfileSection {

    /** Where the section stands among the others, smallest first. */
    int order();

    String template();

    String fragment();

    /** What the section shows for one customer. */
    Object forCustomer(long customerId);

    /** What it shows for an organization whose customers these are. */
    Object forOrganization(long organizationId, List<Long> customerIds);
}
