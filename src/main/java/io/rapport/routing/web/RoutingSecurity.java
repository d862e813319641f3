package io.rapport.routing.web;

import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.SecurityRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Everyone reads routing's rules and decisions; only admins change the rules and settings. */
@Component
class RoutingSecurity implements SecurityRules {

    @Override
    public void authorize(
            Area area, AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        if (area == Area.API) {
            rules.requestMatchers(HttpMethod.POST, "/api/v1/routing/**")
                    .hasAuthority(Authorities.ADMIN)
                    .requestMatchers(HttpMethod.PUT, "/api/v1/routing/**")
                    .hasAuthority(Authorities.ADMIN)
                    .requestMatchers(HttpMethod.DELETE, "/api/v1/routing/**")
                    .hasAuthority(Authorities.ADMIN);
        }
    }
}
