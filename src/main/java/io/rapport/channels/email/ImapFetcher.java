package io.rapport.channels.email;

import io.rapport.common.Times;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches a mailbox's new mail over IMAP (Jakarta Mail): the first time its unread mail, after that every mail with a
 * UID above the last one stored, read or not. Each mail is read without marking it (PEEK), stored with its raw source,
 * and only then flagged \Seen on the server and passed by the fetching position, so a crash in between fetches it
 * again and the stored key drops the copy (ADR 15). A mail larger than {@code rapport.email.max-size} is stored by its headers, set aside.
 */
@Component
public class ImapFetcher {

    /** At most this many mails per fetch, so that one full mailbox does not hold its worker for long. */
    static final int BATCH = 10_000;

    /**
     * Mails fetched whole in one command: up to this many and this many bytes, each at most {@link #PREFETCH_MAX_SIZE}
     * (a larger one is read by a command of its own). Few commands matter: some servers (GreenMail) walk the whole
     * mailbox for every command, and each command is a round trip.
     */
    static final int PREFETCH = 10_000;

    static final long PREFETCH_BYTES = 16L * 1024 * 1024;

    /** Mails fetched whole in one batch take at most this much memory together. */
    static final long BATCH_BYTES = 128L * 1024 * 1024;

    static final int PREFETCH_MAX_SIZE = 1024 * 1024;

    /**
     * Fetched mails are stored in one transaction up to this many bytes or mails: few commits, and applying (which
     * goes on beside the fetching) can start on the first of them soon.
     */
    static final long STORE_BYTES = 32L * 1024 * 1024;

    static final int STORE_MAILS = 1000;

    private final Inbox inbox;
    private final Mailboxes mailboxes;
    private final Clock clock;
    /** One session per server setting: making one reads Jakarta Mail's provider lists from the class path. */
    private final java.util.Map<Mailbox.Server, Session> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.Map<Mailbox.Server, Session> idleSessions = new java.util.concurrent.ConcurrentHashMap<>();

    /** How long an IDLE waits for news before it looks anyway: under the 30 minutes after which servers hang up. */
    static final int IDLE_TIMEOUT = 25 * 60 * 1000;

    private final long maxSize;

    ImapFetcher(
            Inbox inbox, Mailboxes mailboxes, Clock clock, @Value("${rapport.email.max-size:50MB}") DataSize maxSize) {
        this.inbox = inbox;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.maxSize = maxSize.toBytes();
    }

    /** What a fetch did: the new mails stored, and whether the server could push news (IDLE). */
    public record Result(int stored, boolean idle, boolean more) {}

    /** Fetches the mailbox's new mail, calling {@code onStored} each time mails are stored (to apply them). */
    public Result fetch(Mailboxes.Access access, Runnable onStored) throws MessagingException, IOException {
        Mailbox box = access.mailbox();
        Store store = sessions.computeIfAbsent(box.imap(), ImapFetcher::session)
                .getStore(protocol(box.imap().security()));
        store.connect(box.imap().host(), box.imap().port(), box.imap().username(), access.imapPassword());
        try {
            boolean idle = hasIdle(store);
            IMAPFolder folder = (IMAPFolder) store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            try {
                long validity = folder.getUIDValidity();
                long uidNext = folder.getUIDNext(); // as the folder was opened: later mail has a higher UID
                int existing = folder.getMessageCount(); // the mails the folder showed when opened
                // after the last mail stored, whatever its flags (someone may have read it in another mail program);
                // the first time, or after the server renumbered its mail, from the unread mail
                boolean goOn =
                        access.lastUid() != null && access.uidValidity() != null && access.uidValidity() == validity;
                // the folder's next UID says whether anything came at all: most fetches find nothing new and ask no
                // more
                boolean nothingNew = goOn && uidNext > 0 && uidNext - 1 <= access.lastUid();
                Message[] unseen = nothingNew
                        ? new Message[0]
                        : goOn ? newerThan(folder, access.lastUid()) : unread(folder, existing);
                int count = Math.min(unseen.length, BATCH);
                Message[] batch = java.util.Arrays.copyOf(unseen, count);
                long[] highest = {goOn ? access.lastUid() : 0};
                // envelopes, then whole mails in a few FETCH commands and flags in one STORE: a command per mail is
                // slow on a full mailbox (round trips, and servers that look each message number up)
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.SIZE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(batch, profile);
                // the mails fetched whole stay in memory until the folder closes: end the batch at a bound
                long held = 0;
                for (int i = 0; i < batch.length; i++) {
                    int size = sizeOf(batch[i]);
                    held += size <= PREFETCH_MAX_SIZE ? size : 0;
                    if (held > BATCH_BYTES && i > 0) {
                        count = i;
                        batch = java.util.Arrays.copyOf(batch, count);
                        break;
                    }
                }
                int stored = 0;
                List<Inbox.Fetched> pending = new ArrayList<>();
                long pendingBytes = 0;
                FetchProfile whole = new FetchProfile();
                whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                for (int from = 0; from < batch.length; ) {
                    int to = from;
                    long bytes = 0;
                    List<Message> small = new ArrayList<>();
                    while (to < batch.length && to - from < PREFETCH && bytes < PREFETCH_BYTES) {
                        int size = sizeOf(batch[to]);
                        if (size <= PREFETCH_MAX_SIZE) {
                            small.add(batch[to]);
                            bytes += size;
                        }
                        to++;
                    }
                    folder.fetch(small.toArray(Message[]::new), whole);
                    Message[] chunk = java.util.Arrays.copyOfRange(batch, from, to);
                    from = to;
                    long pendingHighest = highest[0];
                    for (Message message : chunk) {
                        Inbox.Fetched mail = read((MimeMessage) message);
                        pending.add(mail);
                        pendingBytes += mail.raw().length;
                        pendingHighest = Math.max(pendingHighest, folder.getUID(message));
                        if (pendingBytes > STORE_BYTES || pending.size() >= STORE_MAILS) {
                            stored += store(access, goOn, pending, validity, pendingHighest, highest);
                            pendingBytes = 0;
                            onStored.run();
                        }
                    }
                    // stored before the next command, which may take the server a while
                    stored += store(access, goOn, pending, validity, pendingHighest, highest);
                    pendingBytes = 0;
                    onStored.run();
                }
                if (!goOn && unseen.length <= count) {
                    // every unread mail is in: from now on, whatever comes after what the folder held when opened
                    mailboxes.fetchedUpTo(
                            box.id(), box.updatedAt(), validity, Math.max(highest[0], lastUidOf(folder, existing)));
                }
                // stored (now or before): the server may forget them; a crash before this fetches them again
                if (batch.length > 0) {
                    folder.setFlags(batch, new Flags(Flags.Flag.SEEN), true);
                }
                return new Result(stored, idle, unseen.length > count);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /**
     * Stores the mails; empties the list. Fetching by UID, the position moves past them at once. Fetching the unread
     * mail of a first fetch, it moves only when all of it is in: a batch that ends early must not make the next fetch
     * take the read mail above it too.
     */
    private int store(
            Mailboxes.Access access,
            boolean byUid,
            List<Inbox.Fetched> pending,
            long validity,
            long pendingHighest,
            long[] highest) {
        Mailbox box = access.mailbox();
        int stored = inbox.storeAll(box.id(), pending, Times.now(clock));
        pending.clear();
        if (pendingHighest > highest[0]) {
            highest[0] = pendingHighest;
            if (byUid) {
                mailboxes.fetchedUpTo(box.id(), box.updatedAt(), validity, pendingHighest);
            }
        }
        return stored;
    }

    /**
     * The UID of the last mail the folder showed when opened (0 for none). Not UIDNEXT - 1: a server may hand out a
     * UID before the mail shows in the folder (GreenMail does, while it takes a large mail in), and that mail would
     * then be passed over for good.
     */
    private static long lastUidOf(IMAPFolder folder, int existing) throws MessagingException {
        int last = Math.min(existing, folder.getMessageCount()); // fewer, if some were expunged meanwhile
        return last > 0 ? folder.getUID(folder.getMessage(last)) : 0;
    }

    /**
     * A first fetch: the folder's unread mails, with their sizes and UIDs, from one FETCH of every mail's flags, size
     * and UID rather than a SEARCH and a FETCH (some servers, GreenMail, walk the whole folder for every command; a
     * first fetch happens once per mailbox).
     */
    private static Message[] unread(IMAPFolder folder, int existing) throws MessagingException {
        if (existing == 0) {
            return new Message[0];
        }
        Message[] all = folder.getMessages(1, existing);
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(all, profile);
        List<Message> unread = new ArrayList<>();
        for (Message message : all) {
            try {
                if (!message.isSet(Flags.Flag.SEEN)) {
                    unread.add(message);
                }
            } catch (jakarta.mail.MessageRemovedException e) {
                // removed on the server meanwhile: nothing to fetch
            }
        }
        return unread.toArray(Message[]::new);
    }

    /** The folder's mails with a UID above {@code last}, oldest first (one UID FETCH). */
    private static Message[] newerThan(IMAPFolder folder, long last) throws MessagingException {
        // "last+1:*" names the newest mail even when its UID is lower: keep only what is really newer
        return java.util.Arrays.stream(folder.getMessagesByUID(last + 1, UIDFolder.MAXUID))
                .filter(m -> {
                    try {
                        return m != null && folder.getUID(m) > last;
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toArray(Message[]::new);
    }

    /**
     * Waits on a connection of its own until the server says the folder changed (IMAP IDLE), or about 25 minutes have
     * passed (servers drop an idle connection after 30): the caller fetches then, and waits again.
     */
    public void awaitNews(Mailboxes.Access access) throws MessagingException {
        Mailbox box = access.mailbox();
        Store store = idleSessions
                .computeIfAbsent(box.imap(), server -> session(server, IDLE_TIMEOUT))
                .getStore(protocol(box.imap().security()));
        store.connect(box.imap().host(), box.imap().port(), box.imap().username(), access.imapPassword());
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(box.folder());
            folder.open(Folder.READ_ONLY);
            try {
                folder.idle(true);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException e) {
            // the server or the 25 minutes ended the wait: look anyway
        } finally {
            store.close();
        }
    }

    private static int sizeOf(Message message) {
        try {
            return message.getSize();
        } catch (MessagingException e) {
            return 0;
        }
    }

    /** A mail as fetched: whole, or by its headers only when it is larger than the limit. */
    private Inbox.Fetched read(MimeMessage message) throws MessagingException, IOException {
        String messageId = bare(message.getMessageID());
        String from = firstAddress(message);
        String subject = message.getSubject();
        int size = message.getSize();
        if (size > maxSize) {
            StringBuilder headers = new StringBuilder();
            for (String line : Collections.list(message.getAllHeaderLines())) {
                headers.append(line).append("\r\n");
            }
            byte[] raw = headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            return new Inbox.Fetched(Inbox.key(messageId, raw), raw, size, true, from, subject);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
        message.writeTo(out);
        byte[] raw = out.toByteArray();
        return new Inbox.Fetched(Inbox.key(messageId, raw), raw, raw.length, false, from, subject);
    }

    private static String firstAddress(MimeMessage message) {
        try {
            var from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getAddress() != null) {
                return a.getAddress().toLowerCase(java.util.Locale.ROOT);
            }
        } catch (MessagingException e) {
            // an unreadable From: the intake reads it again from the raw source
        }
        return null;
    }

    private static String bare(String messageId) {
        if (messageId == null) {
            return null;
        }
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.isBlank() ? null : id;
    }

    private static boolean hasIdle(Store store) {
        try {
            return store instanceof org.eclipse.angus.mail.imap.IMAPStore imap && imap.hasCapability("IDLE");
        } catch (MessagingException e) {
            return false;
        }
    }

    static String protocol(Security security) {
        return security == Security.SSL ? "imaps" : "imap";
    }

    private static Session session(Mailbox.Server server) {
        return session(server, 60_000);
    }

    private static Session session(Mailbox.Server server, int readTimeoutMillis) {
        String p = protocol(server.security());
        Properties props = new Properties();
        props.put("mail." + p + ".connectiontimeout", "10000");
        props.put("mail." + p + ".timeout", String.valueOf(readTimeoutMillis));
        props.put("mail." + p + ".writetimeout", "60000");
        props.put("mail." + p + ".peek", "true");
        props.put("mail." + p + ".partialfetch", "false");
        if (server.security() == Security.STARTTLS) {
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
        }
        // the certificate must be valid and name the host, unless the admin said the server's own is to be taken
        props.put("mail." + p + ".ssl.checkserveridentity", String.valueOf(server.verifyCertificate()));
        if (!server.verifyCertificate()) {
            props.put("mail." + p + ".ssl.trust", "*");
        }
        return Session.getInstance(props);
    }
}
