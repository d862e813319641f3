package io.rapport.web;

import org.springframework.security.access.AccessDeniedException;

/** A refusal whose message tells the caller why (403 with that message), where a role alone does not say it. */
public class NotAllowed extends AccessDeniedException {

    public NotAllowed(String why) {
        super(why);
    }
}
