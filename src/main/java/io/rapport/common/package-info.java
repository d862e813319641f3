/** Shared kernel: paging, time and hashing helpers and the exceptions every module uses to say what went wrong. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.rapport.common;

import org.springframework.modulith.ApplicationModule;
