package dev.wallet.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartedPartsTest {

    @Test
    void shouldCloseTheLastStartedFirst() throws Exception {
        final List<String> closed = new ArrayList<>();
        final StartedParts parts = new StartedParts();
        parts.add(() -> closed.add("broker"));
        parts.add(() -> closed.add("write path"));
        parts.add(() -> closed.add("api"));

        parts.close();

        assertThat(closed).containsExactly("api", "write path", "broker");
    }

    @Test
    void shouldCloseEveryPartWhenOneFailsAndThrowTheFirstFailure() {
        final List<String> closed = new ArrayList<>();
        final StartedParts parts = new StartedParts();
        parts.add(() -> closed.add("broker"));
        parts.add(() -> {
            throw new IllegalStateException("write path");
        });
        parts.add(() -> {
            throw new IllegalStateException("api");
        });

        assertThatThrownBy(parts::close)
                .hasMessage("api")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("write path"));
        assertThat(closed).containsExactly("broker");
    }

    @Test
    void shouldCloseEachPartOnce() throws Exception {
        final List<String> closed = new ArrayList<>();
        final StartedParts parts = new StartedParts();
        parts.add(() -> closed.add("api"));

        parts.close();
        parts.close();

        assertThat(closed).containsExactly("api");
    }
}
