package io.rapport.web;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The language a signed-in person chose and the desk stored, if any: pages speak it before the browser's. Implemented
 * by the module that knows people (accounts), so that the shell's language resolver does not depend on it.
 */
public interface StoredLanguages {

    Optional<String> of(Authentication signedIn);
}
