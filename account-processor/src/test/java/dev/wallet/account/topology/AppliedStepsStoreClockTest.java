package dev.wallet.account.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.account.ledger.AppliedSteps;
import dev.wallet.account.ledger.Credited;
import dev.wallet.account.ledger.Position;
import dev.wallet.account.store.AccountStores;
import dev.wallet.account.store.AppliedStepsStore;
import dev.wallet.account.store.avro.StoredAppliedSteps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AppliedStepsStore} over the topology's real stores with a wall clock that steps back, which
 * a {@code TopologyTestDriver} cannot do: an entry stamped in a later bucket must stay found.
 */
class AppliedStepsStoreClockTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final long JUST_AFTER_NOON_MS = Instant.parse("2026-11-22T12:00:01Z").toEpochMilli();
    private static final long JUST_BEFORE_NOON_MS = Instant.parse("2026-11-22T11:59:59Z").toEpochMilli();
    private static final String KEY = AppliedStepsStore.key("alice", "tx-1");

    @TempDir
    Path stateDir;

    private LedgerDriver ledger;
    private WindowStore<String, StoredAppliedSteps> store;
    private WindowStore<String, StoredAppliedSteps> storeV1;

    @BeforeEach
    void startDriver() {
        ledger = new LedgerDriver(stateDir, AccountProcessorSettings.defaults().withAppliedStepsRetention(RETENTION));
        store = ledger.driver().getWindowStore(AccountStores.APPLIED_STEPS);
        storeV1 = ledger.driver().getWindowStore(AccountStores.APPLIED_STEPS_V1);
    }

    @AfterEach
    void closeDriver() {
        ledger.close();
    }

    @Test
    void shouldFindStepsSavedJustBeforeTheClockSteppedBackIntoTheBucketBefore() {
        final AppliedStepsStore steps = appliedSteps();
        final AppliedSteps credited = saveCredit(steps, JUST_AFTER_NOON_MS);

        final AppliedStepsStore.Found found = steps.find(KEY, JUST_BEFORE_NOON_MS);

        assertThat(found.steps()).isEqualTo(credited);
    }

    @Test
    void shouldFindStepsSavedInALaterBucketAfterARestartWithTheClockSteppedBack() {
        final AppliedSteps credited = saveCredit(appliedSteps(), JUST_AFTER_NOON_MS);

        final AppliedStepsStore.Found found = appliedSteps().find(KEY, JUST_BEFORE_NOON_MS);

        assertThat(found.steps()).isEqualTo(credited);
    }

    @Test
    void shouldStampWithTheStoresClockWhenTheWallClockSteppedBack() {
        final AppliedStepsStore steps = appliedSteps();
        final AppliedSteps credited = saveCredit(steps, JUST_AFTER_NOON_MS);
        final AppliedStepsStore.Found found = steps.find(KEY, JUST_BEFORE_NOON_MS);

        steps.save(KEY, found, credited, JUST_BEFORE_NOON_MS);

        assertThat(store.fetch(KEY, JUST_AFTER_NOON_MS - 1_000)).as("the entry under the noon bucket").isNotNull();
        assertThat(store.fetch(KEY, JUST_AFTER_NOON_MS - 1_000 - AppliedStepsStore.BUCKET_DEFAULT.toMillis()))
                .as("an entry under the bucket before").isNull();
    }

    private AppliedStepsStore appliedSteps() {
        return new AppliedStepsStore(store, storeV1, RETENTION, AppliedStepsStore.BUCKET_DEFAULT);
    }

    private static AppliedSteps saveCredit(final AppliedStepsStore steps, final long nowMs) {
        final AppliedSteps credited = AppliedSteps.NONE.with(new Credited(100L, new Position(1L, 100L, "USD", nowMs)));
        steps.save(KEY, steps.find(KEY, nowMs), credited, nowMs);
        return credited;
    }
}
