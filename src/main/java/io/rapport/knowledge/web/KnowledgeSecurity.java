package io.rapport.knowledge.web;

import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Every agent searches and writes articles; only admins rebuild the index, start the meanings' backfill and arrange categories; /help is open. */
@Component
class KnowledgeSecurity implements SecurityRules {

    @Override
    public void authorize(
            Area area, AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        if (area == Area.API) {
            rules.requestMatchers(HttpMethod.POST, "/api/v1/search/rebuild", "/api/v1/search/meanings/**")
                    .hasAuthority(Authorities.ADMIN)
                    .requestMatchers(HttpMethod.POST, "/api/v1/article-categories")
                    .hasAuthority(Authorities.ADMIN)
                    .requestMatchers(HttpMethod.PATCH, "/api/v1/article-categories/*")
                    .hasAuthority(Authorities.ADMIN)
                    .requestMatchers(HttpMethod.DELETE, "/api/v1/article-categories/*")
                    .hasAuthority(Authorities.ADMIN);
        } else if (area == Area.STAFF) {
            // the help center is for everyone; categories are an admin's
            rules.requestMatchers(HelpCenter.PUBLIC)
                    .permitAll()
                    .requestMatchers("/knowledge/categories", "/knowledge/categories/**")
                    .hasAuthority(Authorities.ADMIN);
        }
    }
}
