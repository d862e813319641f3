package io.rapport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * The test settings of {@link H2Database} (a fresh data directory and H2 file database, the first admin, small limits)
 * for tests that bootstrap their own context, such as Spring Modulith's {@code @ApplicationModuleTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestSettings.H2.class)
public @interface H2Settings {}
