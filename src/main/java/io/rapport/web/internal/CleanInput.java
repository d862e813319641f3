package io.rapport.web.internal;

import io.rapport.common.InvalidInput;
import io.rapport.web.Area;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Refuses text that cannot be stored as sent (see {@link CleanText}) wherever it enters: query strings and form
 * fields (a filter in front of everything, sign-in included), multipart fields (data binding) and JSON strings (the
 * JSON reader). Each answers 400 naming the field; nothing reaches the database.
 */
@Configuration(proxyBeanMethods = false)
class CleanInput {

    /** Before the security filters: a sign-in name is checked before anyone looks it up. */
    @Bean
    FilterRegistrationBean<QueryAndFormCheck> cleanQueryAndForm(Problems problems) {
        var registration = new FilterRegistrationBean<>(new QueryAndFormCheck(problems));
        registration.setOrder(-200);
        return registration;
    }

    /**
     * A JSON value of the wrong type is refused, not quietly converted: no "2" for a number, no 1 or "yes" for a
     * yes-or-no field (text fields: see {@link CleanStrings}; fractions for whole numbers: accept-float-as-int).
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder.withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    JacksonModule cleanJsonStrings() {
        return new SimpleModule("rapport-clean-strings").addDeserializer(String.class, new CleanStrings());
    }

    /**
     * JSON strings: a text field takes a JSON string only (not a number or true quietly made into text), and one the
     * desk can store; refused with the field's path, through the reader's own error (see ApiErrors).
     */
    static final class CleanStrings extends StringDeserializer {

        @Override
        public String deserialize(tools.jackson.core.JsonParser p, DeserializationContext context) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, p);
            }
            String value = super.deserialize(p, context);
            String problem = CleanText.problem(value);
            if (problem != null) {
                throw new InvalidInput("body", problem);
            }
            return value;
        }
    }

    /** Query parameters and URL-encoded form fields. Multipart bodies are left to data binding. */
    static final class QueryAndFormCheck extends OncePerRequestFilter {

        private final Problems problems;

        QueryAndFormCheck(Problems problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            boolean multipart =
                    type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            String query = request.getQueryString();
            if (!multipart || (query != null && !query.isEmpty())) {
                Map<String, String[]> parameters = multipart ? queryOnly(request) : request.getParameterMap();
                for (var parameter : parameters.entrySet()) {
                    String problem = CleanText.problem(parameter.getKey());
                    for (int i = 0; problem == null && i < parameter.getValue().length; i++) {
                        problem = CleanText.problem(parameter.getValue()[i]);
                    }
                    if (problem != null) {
                        refuse(request, response, parameter.getKey(), problem);
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }

        private static Map<String, String[]> queryOnly(HttpServletRequest request) {
            return org.springframework.web.util.UriComponentsBuilder.newInstance()
                    .query(request.getQueryString())
                    .build()
                    .getQueryParams()
                    .entrySet()
                    .stream()
                    .collect(java.util.stream.Collectors.toMap(
                            e -> decode(e.getKey()),
                            e -> e.getValue().stream()
                                    .map(v -> v == null ? "" : decode(v))
                                    .toArray(String[]::new),
                            (a, b) -> a));
        }

        private static String decode(String value) {
            try {
                return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, String field, String problem)
                throws IOException {
            String name = CleanText.problem(field) == null ? field : "parameter";
            if (Area.of(request.getRequestURI()) == Area.API) {
                problems.write(response, Problems.invalid(name, problem));
            } else {
                request.setAttribute(RequestDispatcher.ERROR_MESSAGE, name + ": " + problem);
                response.sendError(HttpStatus.BAD_REQUEST.value(), name + ": " + problem);
            }
        }
    }

    /** Multipart form fields and path variables, where the filter does not look. */
    @ControllerAdvice
    static class CleanBinding {

        @InitBinder
        void strings(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    String problem = CleanText.problem(text);
                    if (problem != null) {
                        throw new IllegalArgumentException(new InvalidInput("value", problem));
                    }
                    setValue(text);
                }
            });
        }
    }
}
