/**
 * Mail: every mail the desk sends goes out here, in plain words (to, subject, text), and every link in it points at
 * the desk's public address. Today through the SMTP server of the Spring settings; the email channel will add
 * mailboxes of its own.
 */
@ApplicationModule(allowedDependencies = {"common"})
package io.rapport.mail;

import org.springframework.modulith.ApplicationModule;
