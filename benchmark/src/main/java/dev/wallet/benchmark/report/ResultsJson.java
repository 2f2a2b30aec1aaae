package dev.wallet.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes {@code results.json} (snake_case, indented) and the baseline's own file. */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(final Object value, final Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), value);
    }

    public static String toJson(final Object value) throws IOException {
        return MAPPER.writeValueAsString(value);
    }

    /** A run's {@code results.json}: {@code given} itself, or the one in the folder it names; empty when there is none. */
    public static Optional<Path> runFile(final Path given) {
        final Path file = Files.isDirectory(given) ? given.resolve("results.json") : given;
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public static <T> T read(final Path file, final Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }
}
