package dev.wallet.query.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Binary array parameters sent to a real PostgreSQL through a connection factory built the ordinary
 * way (so the codec arrives by the driver's extension discovery), read back element by element as
 * text, in order, nulls included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinaryArrayTest {

    private static final Duration QUERY_MAX = Duration.ofSeconds(30);

    private EmbeddedPostgresServer server;
    private DatabaseClient db;

    @BeforeAll
    void startPostgres() {
        server = new EmbeddedPostgresServer(
                Path.of("target", "pg-arrays-" + UUID.randomUUID()).toAbsolutePath(), 0, Duration.ofSeconds(60));
        server.start();
        db = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(server.r2dbcUrl())
                .mutate().option(ConnectionFactoryOptions.USER, EmbeddedPostgresServer.USER).build()));
    }

    @AfterAll
    void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldSendBigintsWithTheirExtremesAndNulls() {
        final List<Long> values = Arrays.asList(Long.MIN_VALUE, -1L, 0L, null, Long.MAX_VALUE);

        assertThat(elements("bigint", BinaryArray.ofBigints(values, Function.identity())))
                .containsExactly("-9223372036854775808", "-1", "0", null, "9223372036854775807");
    }

    @Test
    void shouldSendTextsThatTheTextFormatWouldHaveToQuote() {
        final List<String> values = Arrays.asList("alice", "", "NULL", null, "say \"hi\"", "back\\slash",
                "{braces,comma}", " padded ", "złoty € 円");

        assertThat(elements("text", BinaryArray.ofTexts(values, Function.identity()))).containsExactlyElementsOf(values);
    }

    @Test
    void shouldSendIntegersSmallintsAndBooleans() {
        assertThat(elements("integer", BinaryArray.ofIntegers(Arrays.asList(Integer.MIN_VALUE, null, 7),
                Function.identity()))).containsExactly("-2147483648", null, "7");
        assertThat(elements("smallint", BinaryArray.ofSmallints(Arrays.asList((short) -32768, (short) 4, null),
                Function.identity()))).containsExactly("-32768", "4", null);
        assertThat(elements("boolean", BinaryArray.ofBooleans(Arrays.asList(true, null, false),
                Function.identity()))).containsExactly("true", null, "false");
    }

    @Test
    void shouldSendAnEmptyArrayAsOneWithoutDimensions() {
        final BinaryArray empty = BinaryArray.ofBigints(List.<Long>of(), Function.identity());

        assertThat(db.sql("SELECT cardinality($1::bigint[]) AS n, array_ndims($1::bigint[]) AS d").bind(0, empty)
                .map(row -> row.get("n", Integer.class) + "/" + row.get("d", Integer.class)).one().block(QUERY_MAX))
                .isEqualTo("0/null");
    }

    @Test
    void shouldSetTheHasNullsFlagOnlyWhenAnElementIsNull() {
        final ByteBuffer withNull = ByteBuffer.wrap(BinaryArray.ofBigints(Arrays.asList(1L, null), Function.identity())
                .bytes());
        final ByteBuffer without = ByteBuffer.wrap(BinaryArray.ofBigints(List.of(1L, 2L), Function.identity()).bytes());

        // dimensions, has-nulls, element type (int8 is 20), length, lower bound
        assertThat(new int[] {withNull.getInt(0), withNull.getInt(4), withNull.getInt(8), withNull.getInt(12),
                withNull.getInt(16)}).containsExactly(1, 1, 20, 2, 1);
        assertThat(without.getInt(4)).isZero();
        // header 20 bytes; 1L as length and 8 bytes, the null as its length -1 alone
        assertThat(withNull.capacity()).isEqualTo(20 + 12 + 4);
        assertThat(withNull.getInt(32)).isEqualTo(-1);
    }

    /** The array's elements as PostgreSQL prints them, in order; a null element as null. */
    private List<String> elements(final String sqlType, final BinaryArray array) {
        return db.sql("SELECT v::text AS v FROM unnest($1::" + sqlType + "[]) WITH ORDINALITY AS u(v, n) ORDER BY n")
                .bind(0, array)
                .map(row -> Optional.ofNullable(row.get("v", String.class)))
                .all().collectList().block(QUERY_MAX)
                .stream().map(value -> value.orElse(null)).toList();
    }
}
