package dev.wallet.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PairsCommandTest {

    private static final String RESULTS = "results/";

    @Test
    void shouldPrintTheMergeArmsPairByPair() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        final int exit = Cli.execute(out, "pairs", "--rates", "2500",
                RESULTS + "20261128T025557Z", RESULTS + "20261128T030314Z",
                RESULTS + "20261128T031014Z", RESULTS + "20261128T031734Z");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("""
                pair 1: 20261128T025557Z (ca2f00f) → 20261128T030314Z (463b027+)
                pair 2: 20261128T031014Z (ca2f00f) → 20261128T031734Z (463b027+)
                """).contains("| pipeline max, completed/s | 6,231 → 6,674 (1.07) | 4,734 → 5,289 (1.12) | 1.09 | 0 of 2 |");
    }

    @Test
    void shouldRefuseAnOddNumberOfRunsBeforePrintingAnything() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        final int exit = Cli.execute(out, "pairs", RESULTS + "20261128T025557Z", RESULTS + "20261128T030314Z",
                RESULTS + "20261128T031014Z");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
