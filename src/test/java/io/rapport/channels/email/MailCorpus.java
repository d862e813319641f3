package io.rapport.channels.email;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared mail corpora beside the clone (CI has them); tests over them are skipped where they are missing. */
final class MailCorpus {

    static final Path ROOT = Path.of("../shared/corpora/email");

    private MailCorpus() {}

    static Path dir(String name) {
        Path dir = ROOT.resolve(name);
        assumeTrue(Files.isDirectory(dir), "the mail corpus " + dir + " is not beside this clone");
        return dir;
    }
}
