package io.rapport.knowledge.web;

import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Every agent searches; only admins rebuild the index. */
@Component
class KnowledgeSecurity implements SecurityRules {

    @Override
    public void authorize(
            Area area, AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        if (area == Area.API) {
            rules.requestMatchers(HttpMethod.POST, "/api/v1/search/rebuild").hasAuthority(Authorities.ADMIN);
        }
    }
}
