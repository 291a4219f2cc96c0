package org.certbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import org.certbench.reports.TestKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certbench keys init}: a test CA and signing key for demos, marked as not for certification. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Signing keys for report bundles.",
        subcommands = {KeysCommand.Init.class})
final class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Make a TEST lab CA (lab-ca.pem) and a signing key it certifies (lab-signing.p12).",
                "Both are marked NOT FOR CERTIFICATION. The keystore password comes from the environment, a file or a prompt."})
    static final class Init implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the keys (default: keys).")
        Path out = Path.of("keys");

        @Mixin
        KeystorePassword password = new KeystorePassword();

        @Override
        public Integer call() throws GeneralSecurityException {
            try {
                TestKeys.Made made = TestKeys.create(out, password.read("Password for the new keystore"));
                spec.commandLine().getOut().println("test CA:      " + made.caCertificate());
                spec.commandLine().getOut().println("signing key:  " + made.keystore() + " (" + TestKeys.MARK + ")");
                return ExitCodes.PASS;
            } catch (IOException e) {
                spec.commandLine().getErr().println("certbench: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
