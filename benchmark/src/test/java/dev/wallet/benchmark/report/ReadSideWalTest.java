package dev.wallet.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.sample.PostgresWal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadSideWalTest {

    private static final Map<String, Double> BEFORE = Map.of(PostgresWal.BYTES, 1_000_000.0, PostgresWal.RECORDS,
            50_000.0, PostgresWal.FULL_PAGE_IMAGES, 100.0, PostgresWal.BUFFERS_FULL, 2.0, PostgresWal.CHECKPOINTS, 3.0);

    @Test
    void shouldDivideTheStepsWalByItsSecondsAndOutcomes() {
        final Map<String, Double> after = Map.of(PostgresWal.BYTES, 11_000_000.0, PostgresWal.RECORDS, 145_000.0,
                PostgresWal.FULL_PAGE_IMAGES, 1_141.0, PostgresWal.BUFFERS_FULL, 5.0, PostgresWal.CHECKPOINTS, 4.0);

        final ReadSideWal wal = ReadSideWal.between(BEFORE, after, 2.0, 5_000);

        assertThat(wal).isEqualTo(new ReadSideWal(5.0, 2_000.0, 19.0, 1_041, 3, 1L));
    }

    @Test
    void shouldLeaveCheckpointsUnknownWhenTheServerDoesNotCountThem() {
        final Map<String, Double> before = Map.of(PostgresWal.BYTES, 0.0, PostgresWal.RECORDS, 0.0,
                PostgresWal.FULL_PAGE_IMAGES, 0.0, PostgresWal.BUFFERS_FULL, 0.0);
        final Map<String, Double> after = Map.of(PostgresWal.BYTES, 3_000.0, PostgresWal.RECORDS, 30.0,
                PostgresWal.FULL_PAGE_IMAGES, 0.0, PostgresWal.BUFFERS_FULL, 0.0);

        final ReadSideWal wal = ReadSideWal.between(before, after, 1.0, 3);

        assertThat(wal.bytesPerTransfer()).isEqualTo(1_000.0);
        assertThat(wal.checkpoints()).isNull();
    }

    @Test
    void shouldGiveNoFiguresWithoutBothReadingsOrAfterARestart() {
        final Map<String, Double> restarted = Map.of(PostgresWal.BYTES, 500.0, PostgresWal.RECORDS, 5.0,
                PostgresWal.FULL_PAGE_IMAGES, 0.0, PostgresWal.BUFFERS_FULL, 0.0, PostgresWal.CHECKPOINTS, 0.0);

        assertThat(ReadSideWal.between(Map.of(), BEFORE, 2.0, 5_000)).isNull();
        assertThat(ReadSideWal.between(BEFORE, restarted, 2.0, 5_000)).isNull();
    }
}
