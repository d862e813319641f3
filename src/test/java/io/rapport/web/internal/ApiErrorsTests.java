package io.rapport.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ApiErrorsTests {

    private final ApiErrors errors = new ApiErrors(null);

    /** A lock that did not come free or a pool with no free connection changed nothing: 503 and when to try again. */
    @Test
    void aBusyDatabaseAsksTheCallerToTryAgain() {
        for (RuntimeException busy : new RuntimeException[] {
            new QueryTimeoutException("Timeout trying to lock table"),
            new PessimisticLockingFailureException("deadlock"),
            new CannotGetJdbcConnectionException("pool exhausted")
        }) {
            var answer = errors.busy(busy);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(answer.getBody().getDetail()).contains("try again").doesNotContain("lock", "pool");
        }
    }

    @Test
    void aConstraintBrokenByAChangeAtTheSameMomentIsAClash() {
        var answer = errors.clash(new org.springframework.dao.DataIntegrityViolationException("fk_category violated"));
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getDetail()).contains("try again").doesNotContain("fk_category");
    }

    @Test
    void anythingElseUnexpectedIsA500WithoutItsMessage() {
        var answer = errors.unexpected(new IllegalStateException("secret internals"));
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getDetail()).doesNotContain("secret");
    }
}
