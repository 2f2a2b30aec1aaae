package dev.wallet.ops.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wallet.ops.WalletOps;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the operator CLI, in-process, with what it printed and its exit code.
 *
 * @param exitCode what the process would exit with
 * @param out      standard output (the report)
 * @param err      standard error (progress with --json, failures)
 */
public record OpsRun(int exitCode, String out, String err) {

    /** Runs {@code wallet-ops <args>} with plain progress. */
    public static OpsRun of(final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final List<String> all = new ArrayList<>(List.of(args));
        all.add("--plain-progress");
        final int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = WalletOps.run(outStream, errStream, all.toArray(String[]::new));
        }
        final OpsRun run = new OpsRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        // The test log shows what an operator would have seen.
        System.out.println("wallet-ops " + String.join(" ", args) + " -> exit " + code + "\n" + run.out() + run.err());
        return run;
    }

    /** The report of a {@code --json} run. */
    public JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + out, e);
        }
    }

    /** The rules of the violations the JSON report counted. */
    public List<String> rules() {
        final List<String> rules = new ArrayList<>();
        json().get("violation_counts").fieldNames().forEachRemaining(rules::add);
        return rules;
    }
}
