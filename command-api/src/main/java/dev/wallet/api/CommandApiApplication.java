package dev.wallet.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The wallet's HTTP write side: validates transfer and account-open requests, writes them to
 * Kafka with an idempotent {@code acks=all} producer and answers with the outcome it learns from
 * the event topics, or with "pending" when the outcome takes longer than the configured wait.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandApiApplication {

    /** Starts the API; {@code server.port} defaults to 8080. */
    public static void main(final String[] args) {
        SpringApplication.run(CommandApiApplication.class, args);
    }
}
