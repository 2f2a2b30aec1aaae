package dev.wallet.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured, so figures are never quoted without it. */
public record Machine(int cores, long memoryMib, String kernel, String os, String jdk, String jvm,
                      String loadAverageAtStart) {

    /** Describes this machine. */
    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotalMib(),
                System.getProperty("os.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version"), firstLine(Path.of("/proc/loadavg")));
    }

    private static long memTotalMib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String firstLine(final Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("").trim();
        } catch (IOException e) {
            return "";
        }
    }
}
