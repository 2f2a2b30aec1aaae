package dev.wallet.query.postgres;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

class ServerVersionCheckTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/wallet";

    @Test
    void shouldRefuseAServerOlderThanFifteenNamingItAndWhy() {
        assertThatThrownBy(() -> ServerVersionCheck.require(14, "14.13", URL))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("PostgreSQL 15 or later")
                .hasMessageContaining("MERGE")
                .hasMessageContaining(URL)
                .hasMessageContaining("14.13");
    }

    @Test
    void shouldAcceptFifteenAndLater() {
        assertThatCode(() -> ServerVersionCheck.require(15, "15.14", URL)).doesNotThrowAnyException();
        assertThatCode(() -> ServerVersionCheck.require(17, "17.6", URL)).doesNotThrowAnyException();
    }
}
