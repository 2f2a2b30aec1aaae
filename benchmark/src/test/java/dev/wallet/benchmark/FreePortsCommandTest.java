package dev.wallet.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FreePortsCommandTest {

    @Test
    void shouldPrintDistinctPortsBelowTheEphemeralRange() {
        final PrintStream original = System.out;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BenchmarkCli()).execute("free-ports", "7");
        } finally {
            System.setOut(original);
        }

        final List<Integer> ports = Arrays.stream(out.toString(StandardCharsets.UTF_8).trim().split(" "))
                .map(Integer::parseInt).toList();
        assertThat(exit).isZero();
        assertThat(ports).hasSize(7).doesNotHaveDuplicates().allMatch(port -> port >= 1024 && port < 32_768);
    }

    @Test
    void shouldRefuseACountBelowOne() {
        assertThat(new CommandLine(new BenchmarkCli()).execute("free-ports", "0")).isEqualTo(2);
    }
}
