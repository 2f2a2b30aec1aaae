package dev.wallet.ops.cli;

import picocli.CommandLine.Option;

/** Where the wallet runs: Kafka, the read side's PostgreSQL, the account processor's application id. */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:${env:KAFKA_PORT:-9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, port from KAFKA_PORT as bin/wallet).")
    String bootstrapServers;

    @Option(names = "--jdbc-url",
            defaultValue = "jdbc:postgresql://127.0.0.1:${env:WALLET_POSTGRES_PORT:-54320}/postgres",
            description = "The read side's PostgreSQL (default: ${DEFAULT-VALUE}, bin/wallet's embedded one; port "
                    + "from WALLET_POSTGRES_PORT).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres", description = "PostgreSQL user (default: ${DEFAULT-VALUE}).")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "", description = "PostgreSQL password (default: empty).")
    String jdbcPassword;

    @Option(names = "--schema", defaultValue = "public",
            description = "PostgreSQL schema of the live read model (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--processor-app-id", defaultValue = "wallet-account-processor",
            description = "The account processor's application id; names its changelog (default: ${DEFAULT-VALUE}).")
    String processorAppId;

    @Option(names = "--plain-progress", description = "Plain progress lines even on a terminal.")
    boolean plainProgress;
}
