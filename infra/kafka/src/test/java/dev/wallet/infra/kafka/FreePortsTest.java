package dev.wallet.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldHandOutBindablePortsBelowTheEphemeralRange() throws IOException {
        for (int draw = 0; draw < 50; draw++) {
            final int base = FreePorts.range(3);

            assertThat(base).isGreaterThanOrEqualTo(FreePorts.LOWEST);
            assertThat(base + 2).isLessThan(32_768);
            for (int port = base; port < base + 3; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    assertThat(socket.getLocalPort()).isEqualTo(port);
                }
            }
        }
    }
}
