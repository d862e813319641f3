package io.rapport.web;

import java.util.Map;

/**
 * What a module adds to the model of every page the desk renders (never to API answers or redirects): who is signed in,
 * for example. The shell calls each contribution after the page's controller, and a value the controller set itself
 * is kept.
 */
public interface PageModel {

    /** Adds values for a page of this area; {@code model} already holds what the controller put there. */
    void contribute(Area area, Map<String, Object> model);
}
