package io.rapport.channels.email.web;

import io.rapport.web.Area;
import io.rapport.web.Authorities;
import io.rapport.web.SecurityRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Channels' part of the filter chains: only admins configure channels. */
@Component
class ChannelsSecurity implements SecurityRules {

    @Override
    public void authorize(
            Area area, AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        if (area == Area.API) {
            rules.requestMatchers("/api/v1/channels", "/api/v1/channels/**").hasAuthority(Authorities.ADMIN);
        }
    }
}
