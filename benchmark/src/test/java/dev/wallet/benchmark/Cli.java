package dev.wallet.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the benchmark's command line in-process, its standard output into a buffer and its errors dropped. */
final class Cli {

    private Cli() {
    }

    static int execute(final ByteArrayOutputStream out, final String... args) {
        final PrintStream original = System.out;
        final PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new CommandLine(new BenchmarkCli()).execute(args);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }
}
