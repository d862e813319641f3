/**
 * Web: the shell every page and API call passes through, knowing no feature. It builds the three ways in (the API,
 * the customer area, the staff area: ADR 3) from the rules each module contributes ({@link io.rapport.web.SecurityRules}),
 * answers errors as problem+json or as a page, refuses hostile input at the edge, and holds the page skeleton, the
 * assets, the languages and the formatting helpers ({@code @fmt}) that every module's pages use.
 */
@ApplicationModule(allowedDependencies = {"common"})
package io.rapport.web;

import org.springframework.modulith.ApplicationModule;
