package dev.wallet.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints free loopback ports, so a benchmark stack never collides with another on this machine. */
@Command(name = "free-ports", description = "Print N free loopback ports, space separated.")
final class FreePortsCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "how many ports")
    private int count;

    @Override
    public Integer call() throws IOException {
        final List<ServerSocket> held = new ArrayList<>();
        final StringBuilder ports = new StringBuilder();
        try {
            // Hold every socket until all are chosen, so no port is handed out twice.
            for (int i = 0; i < count; i++) {
                final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.append(i == 0 ? "" : " ").append(socket.getLocalPort());
            }
        } finally {
            for (final ServerSocket socket : held) {
                socket.close();
            }
        }
        System.out.println(ports);
        return 0;
    }
}
