package dev.wallet.api.support;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test class started (a broker, a write path, API instances), closed in the reverse order of
 * their start, so an API closes before the broker it talks to. A test class holds one in a static
 * {@link org.junit.jupiter.api.AutoClose @AutoClose} field and adds each part as its
 * {@code @BeforeAll} starts it: JUnit closes the field after the class's {@code @AfterAll} methods,
 * also when a {@code @BeforeAll} failed half-way, so whatever did start is stopped.
 */
public final class StartedParts implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Keeps {@code part} to close; returns it. */
    public <T extends AutoCloseable> T add(final T part) {
        started.push(part);
        return part;
    }

    /**
     * Closes every part, the last started first. Each is closed even when an earlier close failed;
     * the first failure is thrown with the later ones suppressed.
     */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
