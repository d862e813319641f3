package io.rapport.web.internal;

import io.rapport.common.Conflict;
import io.rapport.common.Forbidden;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.TooLarge;
import io.rapport.web.Area;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that {@link ApiErrors} does not see: those raised before a controller is chosen (an unknown address, an upload
 * over the limit) and those from pages. Under /api they answer problem+json; elsewhere a page that says what happened.
 */
@ControllerAdvice
@Order(2)
class FallbackErrors {

    private final Problems problems;
    private final UploadLimits uploads;

    FallbackErrors(Problems problems, UploadLimits uploads) {
        this.problems = problems;
        this.uploads = uploads;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ModelAndView noResource(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.NOT_FOUND, "there is nothing at " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(request, response, HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupportedType(
            HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(
                request,
                response,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "send the body as " + e.getSupportedMediaTypes() + ", not " + e.getContentType());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.NOT_ACCEPTABLE, "this answer is available as JSON only");
    }

    @ExceptionHandler(TooLarge.class)
    ModelAndView tooLarge(TooLarge e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView upload(MultipartException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(
                request,
                response,
                uploads.isLimit(e) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                uploads.explain(e));
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({InvalidInput.class})
    ModelAndView invalid(RuntimeException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return answer(request, response, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView undecodable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.BAD_REQUEST, "a parameter is not valid UTF-8 text");
    }

    @ExceptionHandler(Conflict.class)
    ModelAndView conflict(Conflict e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.CONFLICT, e.getMessage());
    }

    /** A constraint another request's change broke between the checks and the write: a clash, not a fault. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ModelAndView clash(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(
                request,
                response,
                HttpStatus.CONFLICT,
                "this clashes with a change made at the same moment; try again");
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden(Forbidden e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    private ModelAndView answer(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (Area.of(request.getRequestURI()) == Area.API) {
            problems.write(response, status, detail);
            return null;
        }
        ModelAndView page = new ModelAndView("web/error", Map.of("status", status.value(), "detail", detail));
        page.setStatus(status);
        return page;
    }
}
