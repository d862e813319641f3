package io.rapport.bench;

import io.rapport.channels.email.MailParser;
import io.rapport.channels.email.ParsedMail;
import io.rapport.channels.email.QuoteFolding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The mail parser over the shared corpora (stalwart rfc, thirdparty, malformed; mime4j testmsgs; the replies), one
 * thread: messages per second per core. {@code parse} reads a mail; {@code parseAndFold} also finds its new text, as
 * the intake does. Each invocation takes the next mail of the corpus, round and round.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class MailParserBenchmark {

    private final MailParser parser = new MailParser();
    private List<byte[]> mails;
    private int next;

    @Setup
    public void load() throws IOException {
        Path root = Path.of(System.getProperty("rapport.corpora", "../shared/corpora/email"));
        mails = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".eml") || name.endsWith(".msg") || (p.toString().contains("replies") && name.endsWith(".txt"))) {
                    mails.add(Files.readAllBytes(p));
                }
            }
        }
        if (mails.isEmpty()) {
            throw new IllegalStateException("no mails under " + root.toAbsolutePath());
        }
    }

    private byte[] nextMail() {
        byte[] mail = mails.get(next);
        next = (next + 1) % mails.size();
        return mail;
    }

    @Benchmark
    public ParsedMail parse() {
        return parser.parse(nextMail());
    }

    @Benchmark
    public String parseAndFold() {
        ParsedMail mail = parser.parse(nextMail());
        return QuoteFolding.newText(mail.text()) + (mail.html() == null ? "" : QuoteFolding.newHtml(mail.html()));
    }
}
