package io.rapport.web.internal;

import io.rapport.web.Area;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error dispatch (/error): errors raised outside any controller (a filter, a rejected
 * upload, a dispatch that found nothing) answer problem+json for the API and for callers that want JSON, and the error
 * page for people. Opening /error itself shows "not found" rather than a 500.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;
    private final UploadLimits uploads;

    ErrorPages(Problems problems, UploadLimits uploads) {
        this.problems = problems;
        this.uploads = uploads;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && uploads.isLimit(t)) {
            status = HttpStatus.CONTENT_TOO_LARGE;
            message = uploads.explain(t);
        }
        String detail = status.is4xxClientError() && message instanceof String m && !m.isBlank()
                ? m
                : status == HttpStatus.NOT_FOUND
                        ? "there is nothing at " + (uri == null ? request.getRequestURI() : uri)
                        : status.is5xxServerError()
                                ? "something went wrong on our side; it has been logged"
                                : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        if ((uri != null && Area.of(uri) == Area.API) || wantsJson(request)) {
            problems.write(response, status, detail);
            return null;
        }
        ModelAndView page = new ModelAndView("web/error", Map.of("status", status.value(), "detail", detail));
        page.setStatus(status);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
            return HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return HttpStatus.NOT_FOUND; // /error opened directly: there is no error to show
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(t -> !t.isWildcardSubtype()
                            && (t.isCompatibleWith(MediaType.APPLICATION_JSON)
                                    || t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
