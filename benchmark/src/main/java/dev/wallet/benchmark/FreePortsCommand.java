package dev.wallet.benchmark;

import dev.wallet.infra.kafka.FreePorts;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Prints free loopback ports, so a benchmark stack never collides with another on this machine.
 * They come from {@link FreePorts}: consecutive, and below Linux's ephemeral range, where no
 * outgoing connection of the stack's own clients can take one before its process binds it.
 */
@Command(name = "free-ports", description = "Print N free loopback ports, space separated.")
final class FreePortsCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "how many ports")
    private int count;

    @Override
    public Integer call() {
        if (count < 1) {
            System.err.println("free-ports: the count must be positive, was " + count + ".");
            return 2;
        }
        final int first = FreePorts.range(count);
        final StringJoiner ports = new StringJoiner(" ");
        for (int port = first; port < first + count; port++) {
            ports.add(Integer.toString(port));
        }
        System.out.println(ports);
        return 0;
    }
}
