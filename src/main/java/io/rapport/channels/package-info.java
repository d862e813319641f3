/**
 * Channels: the ways customers reach the desk besides the portal and the API. Each channel turns outside traffic
 * into tickets commands and sends public replies back the way the customer wrote. Email first (sub-package
 * {@code email}: mailboxes, IMAP in, SMTP out, threading); chat, messaging and phone follow.
 */
@ApplicationModule(allowedDependencies = {"common", "web", "mail", "accounts", "tickets"})
package io.rapport.channels;

import org.springframework.modulith.ApplicationModule;
