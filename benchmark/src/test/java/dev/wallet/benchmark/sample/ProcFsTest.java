package dev.wallet.benchmark.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    @TempDir
    Path proc;

    @Test
    void shouldReadUserPlusSystemTicksEvenWhenTheNameHoldsSpacesAndParentheses() throws IOException {
        process(100, 1, "java (x) y", 700, 50, 0, 0, 2048);

        final ProcessUsage usage = new ProcFs(proc).process(100).orElseThrow();

        assertThat(usage.cpuTicks()).isEqualTo(750);
        assertThat(usage.systemTicks()).isEqualTo(50);
        assertThat(usage.rssBytes()).isEqualTo(2048L * 1024);
    }

    @Test
    void shouldReadTheMachinesTicksByKindFoldingNiceIntoUserAndSoftIntoHardInterrupts() throws IOException {
        Files.writeString(proc.resolve("stat"), """
                cpu  2773245 5 251337 1480393 11565 7 36298 23393 0 0
                cpu0 1386622 0 125668 740196 5782 0 18149 11696 0 0
                intr 1 2 3
                """);

        assertThat(new ProcFs(proc).machine())
                .isEqualTo(new ProcFs.CpuTicks(2_773_250, 251_337, 36_305, 23_393, 11_565, 1_480_393));
        assertThat(new ProcFs(proc.resolve("nowhere")).machine()).isNull();
    }

    @Test
    void shouldReadHowAJvmWasStartedWithoutItsClassPath() throws IOException {
        final Path jdk = Files.createDirectories(proc.resolve("jdk-25"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        final Path broker = Files.createDirectories(proc.resolve("40"));
        Files.createSymbolicLink(broker.resolve("exe"), jdk.resolve("bin").resolve("java"));
        Files.writeString(broker.resolve("cmdline"), String.join("\0", "java", "-Xmx512m", "-cp", "a.jar:b.jar",
                "-XX:+UseG1GC", "-Dx=y z", "kafka.Kafka", "-Xnot-an-option", "server.properties") + "\0");
        final Path service = Files.createDirectories(proc.resolve("41"));
        Files.createSymbolicLink(service.resolve("exe"), proc.resolve("nowhere").resolve("bin").resolve("java"));
        Files.writeString(service.resolve("cmdline"), String.join("\0", "java", "-XX:+UseSerialGC", "--add-opens",
                "java.base/java.nio=ALL-UNNAMED", "-jar", "service.jar", "--server.port=0") + "\0");

        final ProcFs procFs = new ProcFs(proc);

        assertThat(procFs.jvmLaunch(40)).contains(new ProcFs.JvmLaunch(jdk.resolve("bin").resolve("java").toString(),
                "25.0.1", List.of("-Xmx512m", "-XX:+UseG1GC", "-Dx=y z")));
        assertThat(procFs.jvmLaunch(41).orElseThrow().jdk()).isNull();
        assertThat(procFs.jvmLaunch(41).orElseThrow().options())
                .containsExactly("-XX:+UseSerialGC", "--add-opens java.base/java.nio=ALL-UNNAMED");
        assertThat(procFs.jvmLaunch(4242)).isEmpty();
    }

    @Test
    void shouldSumATreeAndTheRootsReapedChildren() throws IOException {
        process(10, 1, "postgres", 100, 10, 30, 5, 1000);
        process(11, 10, "postgres", 200, 20, 0, 0, 100);
        process(12, 11, "postgres", 1, 2, 0, 0, 10);
        process(13, 1, "other", 999, 999, 0, 0, 999);

        final ProcessUsage usage = new ProcFs(proc).tree(10).orElseThrow();

        // 110 + 35 reaped + 220 + 3, not the unrelated process 13; of it system 10 + 5 + 20 + 2.
        assertThat(usage.cpuTicks()).isEqualTo(368);
        assertThat(usage.systemTicks()).isEqualTo(37);
        assertThat(usage.rssBytes()).isEqualTo(1110L * 1024);
    }

    @Test
    void shouldSumOnlyTheJitCompilerThreadsOfAJvm() throws IOException {
        process(20, 1, "java", 5000, 500, 0, 0, 1000);
        thread(20, 20, "java", 10, 1);
        thread(20, 21, "C2 CompilerThre", 300, 7);
        thread(20, 22, "C1 CompilerThre", 40, 3);
        thread(20, 23, "StreamThread-1", 4000, 400);

        assertThat(ProcFs.jitOnly(new ProcFs(proc).threads(20))).isEqualTo(Map.of(21L, 307L, 22L, 43L));
        assertThat(ProcFs.jitOnly(new ProcFs(proc).threads(4242))).isEmpty();
    }

    @Test
    void shouldReadEveryThreadOfAProcessWithTheKernelsNameForIt() throws IOException {
        process(30, 1, "java", 900, 90, 0, 0, 1000);
        thread(30, 31, "wallet-account-", 600, 60);
        thread(30, 32, "rocksdb:high", 7, 2);

        assertThat(new ProcFs(proc).threads(30)).isEqualTo(Map.of(
                31L, new ProcFs.ThreadTicks("wallet-account-", 660),
                32L, new ProcFs.ThreadTicks("rocksdb:high", 9)));
        assertThat(new ProcFs(proc).threads(4242)).isEmpty();
    }

    @Test
    void shouldCountJitTicksGainedPerThreadSoAnEndedCompilerThreadNeverMakesThemNegative() {
        // Thread 21 went on compiling, 22 ended (HotSpot retires idle compiler threads), 23 started.
        final Map<Long, Long> before = Map.of(21L, 300L, 22L, 5_000L);
        final Map<Long, Long> after = Map.of(21L, 340L, 23L, 25L);

        assertThat(ProcFs.gainedPerThread(before, after)).isEqualTo(65);
        assertThat(ProcFs.gainedPerThread(after, after)).isZero();
    }

    @Test
    void shouldCountVoluntaryAndInvoluntarySwitchesOfEveryThread() throws IOException {
        process(40, 1, "java", 900, 90, 0, 0, 1000);
        thread(40, 40, "java", 1, 1);
        switches(40, 40, 12, 3);
        thread(40, 41, "data-plane-kafk", 500, 50);
        switches(40, 41, 70_000, 1_234);
        thread(40, 42, "ended", 1, 1); // listed, but its status is gone: it ended before the read

        assertThat(new ProcFs(proc).contextSwitches(40)).isEqualTo(Map.of(40L, 15L, 41L, 71_234L));
        assertThat(new ProcFs(proc).contextSwitches(4242)).isEmpty();
    }

    @Test
    void shouldCountTheSwitchesOfATreesProcessesButNotOfOthers() throws IOException {
        process(50, 1, "postgres", 10, 1, 0, 0, 100);
        thread(50, 50, "postgres", 10, 1);
        switches(50, 50, 100, 1);
        process(51, 50, "postgres", 20, 2, 0, 0, 100);
        thread(51, 51, "postgres", 20, 2);
        switches(51, 51, 2_000, 20);
        process(52, 1, "other", 30, 3, 0, 0, 100);
        thread(52, 52, "other", 30, 3);
        switches(52, 52, 9_999, 9);

        assertThat(new ProcFs(proc).treeContextSwitches(50)).isEqualTo(Map.of(50L, 101L, 51L, 2_020L));
        assertThat(new ProcFs(proc).treeContextSwitches(4242)).isEmpty();
    }

    @Test
    void shouldFindNothingForAProcessThatDoesNotRun() {
        assertThat(new ProcFs(proc).process(4242)).isEmpty();
        assertThat(new ProcFs(proc).tree(4242)).isEmpty();
    }

    @Test
    void shouldReadAPidFileAndThePostmastersFirstLine() throws IOException {
        final Path pidFile = proc.resolve("postmaster.pid");
        Files.writeString(pidFile, "4711\n/data\n1700000000\n");

        assertThat(WatchedProcess.pidIn(pidFile)).contains(4711L);
        assertThat(WatchedProcess.pidIn(proc.resolve("missing.pid"))).isEmpty();
    }

    private void thread(final long pid, final long tid, final String name, final long utime, final long stime)
            throws IOException {
        final Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("task")
                .resolve(Long.toString(tid)));
        Files.writeString(dir.resolve("stat"), tid + " (" + name + ") S " + pid + " 1 1 0 -1 0 0 0 0 0 "
                + utime + " " + stime + " 0 0 20 0 1 0\n");
    }

    private void switches(final long pid, final long tid, final long voluntary, final long involuntary)
            throws IOException {
        Files.writeString(proc.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid)).resolve("status"),
                "Name:\tx\nvoluntary_ctxt_switches:\t" + voluntary + "\nnonvoluntary_ctxt_switches:\t" + involuntary
                        + "\n");
    }

    private void process(final long pid, final long ppid, final String name, final long utime, final long stime,
                         final long cutime, final long cstime, final long rssKb) throws IOException {
        final Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        // Fields 3.. as the kernel writes them: state ppid pgrp session tty tpgid flags minflt cminflt
        // majflt cmajflt utime stime cutime cstime ...
        Files.writeString(dir.resolve("stat"), pid + " (" + name + ") S " + ppid + " 1 1 0 -1 0 0 0 0 0 "
                + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 1 0 0 0 0\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nVmRSS:\t   " + rssKb + " kB\n");
    }
}
