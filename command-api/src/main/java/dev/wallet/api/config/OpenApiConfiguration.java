package dev.wallet.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and summary of the OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI walletCommandApi() {
        return new OpenAPI().info(new Info()
                .title("Wallet command API")
                .version("v1")
                .description("Write side of the wallet: open accounts and transfer money. Amounts are decimal "
                        + "strings; transaction_id is the idempotency key; errors are RFC 9457 problems."));
    }
}
