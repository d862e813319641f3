/**
 * Web: what every page and API call shares: security (agent sessions, customer sessions, API credentials), errors as
 * problem+json, the page layout, assets and languages.
 */
@ApplicationModule(allowedDependencies = {"common", "accounts"})
package io.rapport.web;

import org.springframework.modulith.ApplicationModule;
