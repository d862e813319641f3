package io.rapport.web.internal;

import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.Forbidden;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.TooLarge;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Every API error as problem+json: the status, a title and a detail that says what to fix. Never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(1)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final UploadLimits uploads;

    ApiErrors(UploadLimits uploads) {
        this.uploads = uploads;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return Problems.invalid(e.field(), e.problem());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return Problems.of(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A constraint another request's change broke between the checks and the write: a clash, not a fault. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail clash(RuntimeException e) {
        log.warn("A change clashed with another made at the same moment: {}", e.getMessage());
        return Problems.of(HttpStatus.CONFLICT, "this clashes with a change made at the same moment; try again");
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return Problems.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "your role does not allow this");
    }

    @ExceptionHandler(TooLarge.class)
    ProblemDetail tooLarge(TooLarge e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    /**
     * A path id that cannot be one of ours names nothing that exists: 404, as for an unknown id (ids are opaque to
     * callers). A query parameter of the wrong type is bad input: 400 naming it.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return Problems.of(HttpStatus.NOT_FOUND, "there is nothing with this " + e.getName());
        }
        InvalidInput cause = causeOf(e, InvalidInput.class);
        if (cause != null) {
            return Problems.invalid(e.getName(), cause.problem());
        }
        return Problems.invalid(e.getName(), "is not a valid value");
    }

    /** A query or form value the servlet container could not decode (not UTF-8): bad input, not our failure. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodable(InvalidParameterException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "a parameter is not valid UTF-8 text");
    }

    /**
     * A lock that did not come free in time, or a pool without a free connection: the request did nothing and may be
     * sent again, so it answers 503 with a hint when, not 500.
     */
    @ExceptionHandler({TransientDataAccessException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("Busy, asked to try again: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy for a moment; nothing was changed, try again"));
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "something went wrong on our side; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                r.getMethodParameter().getParameterName() == null
                                        ? "parameter"
                                        : r.getMethodParameter().getParameterName(),
                                "message",
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
        String detail = errors.stream()
                .map(m -> m.get("field") + ": " + m.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input");
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A body that cannot be read: too large (413), or wrong in a named place (400 naming the field). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        TooLarge tooLarge = causeOf(e, TooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
        }
        if (causeOf(e, StreamConstraintsException.class) != null) {
            return ResponseEntity.badRequest()
                    .body(Problems.of(
                            HttpStatus.BAD_REQUEST, "the body is nested too deeply or has a value that is too long"));
        }
        InvalidInput invalid = causeOf(e, InvalidInput.class);
        JacksonException json = causeOf(e, JacksonException.class);
        if (json != null && !json.getPath().isEmpty()) {
            String field = field(json);
            String message = invalid != null ? invalid.problem() : message(json);
            return ResponseEntity.badRequest().body(Problems.invalid(field, message));
        }
        if (invalid != null) {
            return ResponseEntity.badRequest().body(Problems.invalid(invalid.field(), invalid.problem()));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "the body is not valid JSON"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String message(JacksonException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            if (format.getTargetType().isEnum()) {
                return "must be one of " + Codes.allowed((Class) format.getTargetType());
            }
            return "has the wrong type or format";
        }
        if (e instanceof InputCoercionException) {
            return "is out of range";
        }
        if (e instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            return "must be one of " + Codes.allowed((Class) mismatch.getTargetType());
        }
        return "has the wrong type or format";
    }

    /** The JSON path of the failure as callers name fields: {@code customer.email}, {@code tags[2]}. */
    private static String field(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, uploads.explain(e)));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        HttpStatus status = uploads.isLimit(e) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status, uploads.explain(e)));
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
