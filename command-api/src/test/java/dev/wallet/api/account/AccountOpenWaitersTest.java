package dev.wallet.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountOpenWaitersTest {

    @Test
    void shouldTellSinceWhenTheLongestWaitingOpenWaitsAndNothingOnceNoneWaits() {
        final AccountOpenWaiters waiters = new AccountOpenWaiters();
        assertThat(waiters.waitingSinceMs()).isEqualTo(Long.MAX_VALUE);

        final long before = System.currentTimeMillis();
        waiters.register("t-1");
        final long afterFirst = System.currentTimeMillis();
        waiters.register("t-2");

        assertThat(waiters.waitingSinceMs()).isBetween(before, afterFirst);
        waiters.remove("t-1");
        assertThat(waiters.waitingSinceMs()).isBetween(afterFirst, System.currentTimeMillis());
        waiters.remove("t-2");
        assertThat(waiters.waitingSinceMs()).isEqualTo(Long.MAX_VALUE);
    }
}
