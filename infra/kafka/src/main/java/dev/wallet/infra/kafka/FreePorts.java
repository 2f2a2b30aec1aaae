package dev.wallet.infra.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports that are free now, so parallel runs and leftover processes never collide. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * Lowest port handed out. Ports come from below Linux's default ephemeral range (32768-60999):
     * a port free now but inside that range can be taken by any outgoing connection (a broker's own
     * clients make many) before the process that was given it binds it.
     */
    static final int LOWEST = 20_000;

    /** One past the highest port handed out: where Linux's default ephemeral range starts. */
    static final int BEYOND_HIGHEST = 32_768;

    /** First port of {@code count} consecutive ports that are free now. */
    public static int range(final int count) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            final int base = ThreadLocalRandom.current().nextInt(LOWEST, BEYOND_HIGHEST - count + 1);
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free range of " + count + " ports");
    }

    /** One free port. */
    public static int one() {
        return range(1);
    }

    private static boolean isFree(final int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
