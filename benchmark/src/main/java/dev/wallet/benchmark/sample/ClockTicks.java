package dev.wallet.benchmark.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Linux clock ticks per second ({@code getconf CLK_TCK}), the unit of {@code /proc/<pid>/stat} times. */
public final class ClockTicks {

    private static final double DEFAULT = 100;
    private static volatile double cached;

    private ClockTicks() {
    }

    public static double perSecond() {
        if (cached == 0) {
            cached = ask();
        }
        return cached;
    }

    private static double ask() {
        try {
            final Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            final String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Double.parseDouble(out);
        } catch (IOException | NumberFormatException e) {
            return DEFAULT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT;
        }
    }
}
