package dev.wallet.ops.cli;

import dev.wallet.ops.audit.AuditReport;
import java.io.PrintStream;

/** Prints a report and turns it into the exit code: 0 passed, 1 violations. */
final class Reports {

    private Reports() {
    }

    static int print(final AuditReport report, final boolean json, final PrintStream out) {
        if (json) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        return report.passed() ? 0 : 1;
    }
}
