package io.rapport.web;

import io.rapport.common.Conflict;
import io.rapport.common.Forbidden;
import io.rapport.common.InvalidInput;
import io.rapport.common.NotFound;
import io.rapport.common.TooLarge;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/** Every API error as problem+json: the status, a title and a detail that says what to fix. Never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(1)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.problem())));
        return problem;
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return Problems.of(HttpStatus.CONFLICT, e.getMessage());
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
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.getName() + ": is not a valid value");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "is not a valid value")));
        return problem;
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
        String detail = errors.stream()
                .map(m -> m.get("field") + ": " + m.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input");
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
            }
            if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
                String field = bind.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                        .orElse("body");
                ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, field + ": has the wrong type or format");
                problem.setProperty(
                        "errors", List.of(Map.of("field", field, "message", "has the wrong type or format")));
                return ResponseEntity.badRequest().body(problem);
            }
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "the body is not valid JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than the limit"));
    }
}
