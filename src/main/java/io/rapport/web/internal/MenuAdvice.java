package io.rapport.web.internal;

import io.rapport.web.Area;
import io.rapport.web.MenuEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the menu of the page's area into every page's model: the entries the modules contribute that you may use. */
@ControllerAdvice(annotations = Controller.class)
class MenuAdvice {

    private final List<MenuEntry> entries;

    MenuAdvice(List<MenuEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(MenuEntry::order))
                .toList();
    }

    @ModelAttribute("menu")
    List<MenuEntry> menu(HttpServletRequest request) {
        Area area = Area.of(request.getRequestURI());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> held = auth == null
                ? Set.of()
                : auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet());
        return entries.stream()
                .filter(e -> e.area() == area && held.contains(e.authority()))
                .toList();
    }
}
