package dev.wallet.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The wallet's read side: projects {@code wallet.account-events} and {@code wallet.transfer-events}
 * into PostgreSQL and answers balance, history, point-in-time balance and transfer status queries.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BalanceQueryApplication {

    public static void main(final String[] args) {
        SpringApplication.run(BalanceQueryApplication.class, args);
    }
}
