package dev.wallet.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresEndpointTest {

    @Test
    void shouldDeriveTheJdbcUrlFromTheR2dbcUrl() {
        assertThat(PostgresEndpoint.jdbcUrlOf("r2dbc:postgresql://db.example:5432/wallet"))
                .isEqualTo("jdbc:postgresql://db.example:5432/wallet");
    }

    @Test
    void shouldRefuseAUrlThatIsNotR2dbc() {
        assertThatThrownBy(() -> PostgresEndpoint.jdbcUrlOf("postgresql://db.example/wallet"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
