package io.rapport.web;

/** The authorities the areas' rules speak of; accounts grants them when someone signs in. */
public final class Authorities {

    /** Every agent, whatever their role: the staff area and the API. */
    public static final String STAFF = "ROLE_STAFF";

    public static final String ADMIN = "ROLE_ADMIN";
    public static final String SUPERVISOR = "ROLE_SUPERVISOR";
    public static final String AGENT = "ROLE_AGENT";

    /** An API token without the write scope: it may read (GET, HEAD) and nothing else. */
    public static final String READ_ONLY = "SCOPE_READ_ONLY";

    /** A customer signed in to the customer area. */
    public static final String CUSTOMER = "ROLE_CUSTOMER";

    private Authorities() {}
}
