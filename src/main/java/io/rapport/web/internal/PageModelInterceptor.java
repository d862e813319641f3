package io.rapport.web.internal;

import io.rapport.web.AdminTab;
import io.rapport.web.Area;
import io.rapport.web.MenuEntry;
import io.rapport.web.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Fills in what every rendered page shows around its content: the menu of the page's area (the entries the modules
 * contribute that you may use), the admin area's tabs (only admins reach the pages that show them) and each module's
 * {@link PageModel}. Only pages: an API answer or a redirect is left
 * alone and pays nothing for it (an advice's model attributes ran on every API call, about 2 % of its CPU).
 */
@Component
class PageModelInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final List<MenuEntry> entries;
    private final List<AdminTab> adminTabs;
    private final List<PageModel> contributions;

    PageModelInterceptor(List<MenuEntry> entries, List<AdminTab> adminTabs, List<PageModel> contributions) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(MenuEntry::order))
                .toList();
        this.adminTabs = adminTabs.stream()
                .sorted(Comparator.comparingInt(AdminTab::order))
                .toList();
        this.contributions = List.copyOf(contributions);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (!rendersAPage(page)) {
            return;
        }
        Area area = Area.of(request.getRequestURI());
        Map<String, Object> added = new HashMap<>();
        added.put("menu", menu(area));
        if (area == Area.STAFF) {
            added.put("adminTabs", adminTabs);
        }
        for (PageModel contribution : contributions) {
            contribution.contribute(area, added);
        }
        added.forEach(page.getModel()::putIfAbsent);
    }

    private static boolean rendersAPage(ModelAndView page) {
        if (page == null || page.wasCleared()) {
            return false;
        }
        if (page.isReference()) {
            String name = page.getViewName();
            return name != null && !name.startsWith("redirect:") && !name.startsWith("forward:");
        }
        return page.getView() != null && !(page.getView() instanceof RedirectView);
    }

    private List<MenuEntry> menu(Area area) {
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
