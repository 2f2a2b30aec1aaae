package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.benchmark.sample.ProcFs.ThreadTicks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    private static final String APP = "wallet-account-processor-f92ca299-375f-4426-9f0c-9b5c7926fc43";

    @Test
    void shouldReadJvmThreadNamesByNativeIdFromThreadPrint() {
        final String print = """
                2026-11-26 07:40:00
                Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6 mixed mode, sharing):

                "%s-StreamThread-1" #29 prio=5 os_prio=0 cpu=94194.49ms elapsed=917.42s tid=0x00007ff28d79a6c0 nid=0x7693 runnable  [0x00007ff2649fb000]
                   java.lang.Thread.State: RUNNABLE
                \tat java.lang.Thread.run(java.base@17.0.15/Thread.java:840)

                "kafka-producer-network-thread | %s-StreamThread-1-producer" #27 daemon prio=5 os_prio=0 cpu=27633.68ms elapsed=917.67s tid=0x00007ff28d745150 nid=0x7690 runnable  [0x00007ff264cfb000]
                "GC Thread#0" os_prio=0 cpu=782.00ms elapsed=927.19s tid=0x00007ff28c045ef0 nid=0x7623 runnable
                JNI global refs: 24, weak refs: 0
                """.formatted(APP, APP);

        assertThat(ThreadCpu.namesFromThreadPrint(print)).isEqualTo(Map.of(
                0x7693L, APP + "-StreamThread-1",
                0x7690L, "kafka-producer-network-thread | " + APP + "-StreamThread-1-producer",
                0x7623L, "GC Thread#0"));
    }

    @Test
    void shouldReadDecimalNativeIdsAsNewerJdksPrintThem() {
        // JDK 25's Thread.print: the native id also in brackets after the number, and nid in decimal.
        final String print = """
                "%s-StreamThread-1" #3 [9727] prio=5 os_prio=0 cpu=678.93ms elapsed=4.34s tid=0x00007f298802aa70 nid=9727 runnable  [0x00007f298cbfe000]
                "Reference Handler" #12 [9736] daemon prio=10 os_prio=0 cpu=0.57ms elapsed=4.29s tid=0x00007f29880b4670 nid=9736 waiting on condition  [0x00007f2968abd000]
                """.formatted(APP);

        assertThat(ThreadCpu.namesFromThreadPrint(print)).isEqualTo(Map.of(
                9727L, APP + "-StreamThread-1",
                9736L, "Reference Handler"));
    }

    @Test
    void shouldFoldClientIdsAndNumbersSoThreadsOfOneKindShareAGroup() {
        assertThat(ThreadCpu.group(APP + "-StreamThread-1")).isEqualTo("wallet-account-processor-<id>-StreamThread-#");
        assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo(ThreadCpu.group("GC Thread#0")).isEqualTo("GC Thread##");
        assertThat(ThreadCpu.group("rocksdb:high")).isEqualTo("rocksdb:high");
    }

    @Test
    void shouldSumTicksGainedPerGroupPreferringJvmNamesAndCountingNewThreadsWhole() {
        final Map<Long, ThreadTicks> before = Map.of(
                1L, new ThreadTicks("wallet-account-", 1_000),   // the stream thread
                2L, new ThreadTicks("wallet-account-", 50),      // the state updater, same kernel name
                3L, new ThreadTicks("GC Thread#0", 10),
                4L, new ThreadTicks("GC Thread#1", 99),          // ends before the second snapshot
                5L, new ThreadTicks("C2 CompilerThre", 500));
        final Map<Long, ThreadTicks> after = Map.of(
                1L, new ThreadTicks("wallet-account-", 1_300),
                2L, new ThreadTicks("wallet-account-", 51),
                3L, new ThreadTicks("GC Thread#0", 30),
                5L, new ThreadTicks("rocksdb:high", 7),          // id reused by another thread: new
                6L, new ThreadTicks("GC Thread#2", 5));          // started in between: whole
        final Map<Long, String> jvmNames = Map.of(1L, APP + "-StreamThread-1", 2L, APP + "-StateUpdater-1",
                3L, "GC Thread#0", 6L, "GC Thread#2");

        final List<Map.Entry<String, Long>> groups = ThreadCpu.ticksGainedByGroup(before, after, jvmNames);

        assertThat(groups).containsExactly(
                Map.entry("wallet-account-processor-<id>-StreamThread-#", 300L),
                Map.entry("GC Thread##", 25L),
                Map.entry("rocksdb:high", 7L),
                Map.entry("wallet-account-processor-<id>-StateUpdater-#", 1L));
    }
}
