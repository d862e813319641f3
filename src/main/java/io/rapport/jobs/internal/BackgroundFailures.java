package io.rapport.jobs.internal;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Work handed to the background after a commit (event listeners) that fails is marked failed in the event publication
 * registry and tried again by {@link EventPublicationHousekeeping}; the listener logs why. Here it gets one line, not a
 * second stack trace.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(BackgroundFailures.class);

    private final Executor executor;

    BackgroundFailures(@Qualifier("applicationTaskExecutor") Executor executor) {
        this.executor = executor;
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (e, method, params) -> {
            log.warn(
                    "{}.{} failed, to be tried again: {}",
                    method.getDeclaringClass().getSimpleName(),
                    method.getName(),
                    e.getMessage());
            log.debug("Background failure", e);
        };
    }
}
