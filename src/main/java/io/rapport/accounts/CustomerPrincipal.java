package io.rapport.accounts;

import java.io.Serializable;

/** A customer signed in to the portal through an emailed link. */
public record CustomerPrincipal(long id, String email, String name) implements Serializable {}
