package dev.wallet.benchmark;

import dev.wallet.benchmark.load.HttpTransferSender;
import dev.wallet.benchmark.load.OutcomeTracker;
import dev.wallet.benchmark.load.PipelineTransferSender;
import dev.wallet.benchmark.load.StepRunner;
import dev.wallet.benchmark.load.StepStats;
import dev.wallet.benchmark.load.TransferSender;
import dev.wallet.benchmark.load.WarmupRule;
import dev.wallet.benchmark.report.BaselineResult;
import dev.wallet.benchmark.report.CommitTiming;
import dev.wallet.benchmark.report.GcPauses;
import dev.wallet.benchmark.report.HtmlReport;
import dev.wallet.benchmark.report.LagSummary;
import dev.wallet.benchmark.report.LatencySummary;
import dev.wallet.benchmark.report.Machine;
import dev.wallet.benchmark.report.MachineCpu;
import dev.wallet.benchmark.report.ProcessCost;
import dev.wallet.benchmark.report.Results;
import dev.wallet.benchmark.report.ResultsJson;
import dev.wallet.benchmark.report.ReadSideWal;
import dev.wallet.benchmark.report.StepResult;
import dev.wallet.benchmark.sample.ClockTicks;
import dev.wallet.benchmark.sample.CommitMeters;
import dev.wallet.benchmark.sample.JvmPerfData;
import dev.wallet.benchmark.sample.PostgresWal;
import dev.wallet.benchmark.sample.ProcFs;
import dev.wallet.benchmark.sample.ProcFs.ThreadTicks;
import dev.wallet.benchmark.sample.ProcessUsage;
import dev.wallet.benchmark.sample.ReadSideLag;
import dev.wallet.benchmark.sample.Sampler;
import dev.wallet.benchmark.sample.TopicRecords;
import dev.wallet.benchmark.sample.WatchedProcess;
import dev.wallet.benchmark.setup.AccountSetup;
import dev.wallet.benchmark.workload.AccountPicker;
import dev.wallet.benchmark.workload.AmountDistribution;
import dev.wallet.benchmark.workload.TransferGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Drives a running wallet: opens and funds the accounts, runs the steps of each mode (a warm-up,
 * the open-loop latency curve, the max-throughput step), samples throughput, read-side lag and
 * per-process CPU and memory every second, and writes {@code results.json} and
 * {@code report.html}, merging the baseline's {@code baseline.json} when present.
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Drive a running wallet and write the results.")
final class LoadCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(LoadCommand.class);
    private static final String CURRENCY = "USD";
    private static final long SETTLE_POLL_MS = 500;
    /** Thread groups recorded per process and step ({@code busiest_threads} in results.json). */
    private static final int BUSIEST_THREAD_GROUPS = 6;

    @Option(names = "--results-dir", required = true, description = "folder of this run's results")
    private Path resultsDir;

    @Option(names = "--api-url", defaultValue = "http://127.0.0.1:8080", description = "command-api base URL")
    private String apiUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", description = "Kafka")
    private String bootstrapServers;

    @Option(names = "--account-processor-url", defaultValue = "http://127.0.0.1:8082",
            description = "account-processor actuator base URL, for its commit meters")
    private String accountProcessorUrl;

    @Option(names = "--saga-url", defaultValue = "http://127.0.0.1:8083",
            description = "saga-orchestrator actuator base URL, for its commit meters")
    private String sagaUrl;

    @Option(names = "--wallet-data-dir", description = "WALLET_DATA_DIR of the stack, for its pid files")
    private Path walletDataDir;

    @Option(names = "--kafka-data-dir", description = "KAFKA_DATA_DIR of the stack (default <wallet-data-dir>/kafka)")
    private Path kafkaDataDir;

    @Option(names = "--postgres-url",
            description = "JDBC URL of the read side's PostgreSQL, for its WAL counters (none: no WAL figures)")
    private String postgresUrl;

    @Option(names = "--read-side-group", defaultValue = "wallet-balance-query",
            description = "balance-query's consumer group (default ${DEFAULT-VALUE})")
    private String readSideGroup;

    @Option(names = "--profile", defaultValue = "default", description = "name of the profile, recorded only")
    private String profile;

    @Option(names = "--accounts", defaultValue = "10000", description = "user accounts (default ${DEFAULT-VALUE})")
    private int accounts;

    @Option(names = "--funding-minor", defaultValue = Defaults.FUNDING_MINOR,
            description = "funding of each account, minor units (default ${DEFAULT-VALUE})")
    private long fundingMinor;

    @Mixin
    private WorkloadOptions workload;

    @Mixin
    private StepOptions stepOptions;

    /** Opens answer 202 after the API's 2 s wait when the stack is slow, so many must be in flight. */
    @Option(names = "--setup-concurrency", defaultValue = "1000", description = "account opens/fundings in flight")
    private int setupConcurrency;

    @Option(names = "--git-commit", defaultValue = "unknown", description = "commit measured, recorded only")
    private String gitCommit;

    @Option(names = "--note", description = "a note recorded in the results (repeatable)")
    private List<String> notes = new ArrayList<>();

    private Sampler sampler;
    private List<CommitMeters> commitMeters;
    private PostgresWal postgresWal;
    private TopicRecords topicRecords;
    private Map<String, Integer> topicPartitions = Map.of();
    private Map<String, ProcFs.JvmLaunch> jvms = Map.of();
    private ReadSideLag readSideLag;
    private List<String> runNotes;
    private OutcomeTracker tracker;
    private List<String> userAccounts;
    private AccountPicker picker;
    private AmountDistribution amountDistribution;
    private long runSeed;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(resultsDir);
        final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        final Machine machine = Machine.current();
        runSeed = workload.seedOrClock();
        picker = workload.picker(accounts);
        amountDistribution = workload.amountDistribution();
        final List<StepResult> steps = new ArrayList<>();
        runNotes = new ArrayList<>(notes);
        boolean aborted = false;
        try (OutcomeTracker outcomes = new OutcomeTracker(bootstrapServers);
             ReadSideLag lag = new ReadSideLag(bootstrapServers, readSideGroup);
             TopicRecords records = new TopicRecords(bootstrapServers)) {
            tracker = outcomes;
            topicRecords = records;
            topicPartitions = records.walletTopicPartitions();
            readSideLag = lag;
            tracker.start();
            setUpAccounts();
            final List<WatchedProcess> watched = watchedProcesses();
            jvms = jvmsOf(watched);
            sampler = new Sampler(watched, ProcFs.system(), tracker::outcomes, tracker::latenciesSinceLastCall,
                    lag::records, ClockTicks.perSecond());
            sampler.start();
            commitMeters = List.of(new CommitMeters("account-processor", accountProcessorUrl),
                    new CommitMeters("saga-orchestrator", sagaUrl));
            postgresWal = postgresUrl == null ? null : new PostgresWal(postgresUrl);
            try {
                for (final String mode : stepOptions.modes) {
                    runMode(mode, steps);
                }
            } catch (RuntimeException e) {
                aborted = true;
                log.error("The run stopped early", e);
                runNotes.add("The run stopped early: " + e);
            } finally {
                sampler.close();
            }
            if (tracker.undecodable() > 0) {
                runNotes.add(tracker.undecodable() + " undecodable records on wallet.transfer-events were skipped"
                        + " (each logged with partition and offset in benchmark.log)");
            }
        }
        final BaselineResult baseline = readBaseline();
        final Results results = new Results(Results.FORMAT, startedAt,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), gitCommit, machine, settings(), steps,
                baseline, Comparison.of(steps, baseline), sampler.samples(), runNotes);
        ResultsJson.write(results, resultsDir.resolve("results.json"));
        HtmlReport.write(results, resultsDir.resolve("report.html"));
        Summary.print(results, System.out);
        return aborted ? 1 : 0;
    }

    private void setUpAccounts() throws InterruptedException {
        final String runId = Long.toString(runSeed & 0xffffff, 36);
        userAccounts = AccountSetup.userAccountIds(runId, accounts);
        final String funding = AccountSetup.fundingAccountId(runId);
        final AccountSetup setup = new AccountSetup(apiUrl, tracker, setupConcurrency);
        final long start = System.nanoTime();
        setup.openAccounts(funding, userAccounts, CURRENCY);
        setup.fund(funding, userAccounts, CURRENCY, fundingMinor, Duration.ofSeconds(Math.max(60, accounts / 100)));
        log.info("Opened and funded {} accounts in {} s", accounts, (System.nanoTime() - start) / 1_000_000_000);
    }

    private List<WatchedProcess> watchedProcesses() {
        final List<WatchedProcess> processes = new ArrayList<>();
        if (walletDataDir != null) {
            processes.addAll(WatchedProcess.ofStack(walletDataDir,
                    kafkaDataDir != null ? kafkaDataDir : walletDataDir.resolve("kafka")));
        }
        processes.add(WatchedProcess.self());
        log.info("Sampling CPU and memory of {}", processes);
        return processes;
    }

    private void runMode(final String mode, final List<StepResult> steps) throws InterruptedException {
        final TransferGenerator generator = new TransferGenerator(userAccounts, CURRENCY, picker, amountDistribution,
                runSeed + mode.hashCode());
        final boolean pipeline = "pipeline".equals(mode);
        if (!pipeline && !"http".equals(mode)) {
            throw new IllegalArgumentException("unknown mode " + mode);
        }
        final int inFlight = pipeline ? stepOptions.pipelineInFlight : stepOptions.httpInFlight;
        try (TransferSender sender = pipeline
                ? new PipelineTransferSender(bootstrapServers, tracker, stepOptions.lingerMs, stepOptions.batchBytes,
                        Duration.ofSeconds(stepOptions.requestExpirySeconds))
                : new HttpTransferSender(apiUrl, tracker, Duration.ofSeconds(30))) {
            final StepRunner runner =
                    new StepRunner(sender, generator, tracker, Duration.ofSeconds(stepOptions.drainSeconds));
            if (stepOptions.warmupSeconds > 0) {
                warmUp(mode, runner, inFlight, steps);
            }
            for (final double rate : pipeline ? stepOptions.pipelineRates : stepOptions.httpRates) {
                final String name = mode + "-" + Math.round(rate);
                final StepResult step = measure(mode, "paced", rate, inFlight, name,
                        () -> runner.runPaced(name, rate, Duration.ofSeconds(stepOptions.stepSeconds), inFlight));
                steps.add(step);
                if (step.outcomesPerSecond() < stepOptions.kneeRatio * rate) {
                    log.info("{} achieved {}/s of {}/s offered; higher rates of {} are skipped", name,
                            Math.round(step.outcomesPerSecond()), Math.round(rate), mode);
                    break;
                }
            }
            final int maxSeconds = pipeline ? stepOptions.pipelineMaxSeconds : stepOptions.httpMaxSeconds;
            if (maxSeconds > 0) {
                steps.add(measure(mode, "max", null, inFlight, mode + "-max",
                        () -> runner.runMaxThroughput(mode + "-max", Duration.ofSeconds(maxSeconds), inFlight)));
            }
        }
    }

    /**
     * Warm-up rounds of {@code --warmup-seconds} at {@code --warmup-rate}, repeated until the JIT
     * compilers have settled ({@code --warmup-jit-cores}) or {@code --warmup-max-seconds} is spent. A
     * warm-up that ends unsettled is written into the run's notes.
     */
    private void warmUp(final String mode, final StepRunner runner, final int inFlight,
                        final List<StepResult> steps) throws InterruptedException {
        final WarmupRule rule = new WarmupRule(stepOptions.warmupJitCores, stepOptions.warmupSeconds,
                stepOptions.warmupMaxSeconds);
        final long start = System.nanoTime();
        for (int round = 1; ; round++) {
            final String name = round == 1 ? mode + "-warmup" : mode + "-warmup-" + round;
            final StepResult warmup = measure(mode, "paced", stepOptions.warmupRate, inFlight, name,
                    () -> runner.runPaced(name, stepOptions.warmupRate, Duration.ofSeconds(stepOptions.warmupSeconds),
                            inFlight));
            steps.add(warmup);
            final double jitCores = warmup.jitCores();
            final long spentSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            switch (rule.after(jitCores, spentSeconds)) {
                case SETTLED -> {
                    log.info("{}: JIT compilers at {} cores; warm-up done after {} s", name, jitCores, spentSeconds);
                    return;
                }
                case UNSETTLED -> {
                    log.warn("{}: JIT compilers still at {} cores after {} s of warm-up; the steps start anyway",
                            name, jitCores, spentSeconds);
                    runNotes.add("The " + mode + " warm-up ended after " + spentSeconds + " s with the JIT compilers"
                            + " still at " + jitCores + " cores (limit " + stepOptions.warmupJitCores + ").");
                    return;
                }
                case ANOTHER_ROUND -> log.info("{}: JIT compilers at {} cores (limit {}); another warm-up round", name,
                        jitCores, stepOptions.warmupJitCores);
            }
        }
    }

    /** A step as the runner measures it. */
    @FunctionalInterface
    private interface Step {
        StepStats run() throws InterruptedException;
    }

    private StepResult measure(final String mode, final String kind, final Double offered, final int inFlight,
                               final String name, final Step step) throws InterruptedException {
        awaitReadSideSettled(name);
        log.info("Step {} starts", name);
        sampler.step(name);
        final Map<String, Long> offsetsBefore = topicRecords.endOffsets();
        final Map<String, ProcessUsage> usageBefore = sampler.usage();
        final ProcFs.CpuTicks machineBefore = sampler.machine();
        final Map<String, Map<Long, ThreadTicks>> threadsBefore = sampler.threads();
        final Map<String, Map<Long, Long>> switchesBefore = sampler.contextSwitches();
        final Map<String, JvmPerfData.GcTotals> gcBefore = sampler.gc();
        final Map<String, Map<String, Double>> commitsBefore = readCommitMeters();
        final Map<String, Double> walBefore = postgresWal == null ? Map.of() : postgresWal.read();
        final long startNanos = System.nanoTime();
        final StepStats stats = step.run();
        final double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        final Map<String, Map<String, Double>> commitsAfter = readCommitMeters();
        final Map<String, Double> walAfter = postgresWal == null ? Map.of() : postgresWal.read();
        final Map<String, CommitTiming> commits = new LinkedHashMap<>();
        commitsAfter.forEach((service, after) -> {
            final CommitTiming timing = CommitTiming.between(commitsBefore.getOrDefault(service, Map.of()), after,
                    wallSeconds);
            if (timing != null) {
                commits.put(service, timing);
            }
        });
        final Map<String, ProcessUsage> usageAfter = sampler.usage();
        final Map<String, JvmPerfData.GcTotals> gcAfter = sampler.gc();
        final MachineCpu machine = MachineCpu.between(machineBefore, sampler.machine(), sampler.ticksPerSecond(),
                wallSeconds);
        final Map<String, Double> cpu = sampler.secondsBetween(usageBefore, usageAfter, ProcessUsage::cpuTicks);
        final Map<String, Double> system = sampler.secondsBetween(usageBefore, usageAfter, ProcessUsage::systemTicks);
        final Map<String, Map<Long, ThreadTicks>> threadsAfter = sampler.threads();
        final Map<String, Long> switches = Sampler.contextSwitchesBetween(switchesBefore, sampler.contextSwitches());
        final Map<String, Double> jit = sampler.jitSecondsBetween(threadsBefore, threadsAfter);
        final Map<String, Long> offsetsAfter = topicRecords.endOffsets();
        final Map<String, Long> written = offsetsBefore.isEmpty() || offsetsAfter.isEmpty()
                ? Map.of() : TopicRecords.written(offsetsBefore, offsetsAfter);
        sampler.step("idle");
        // Named after the step: jcmd starts a JVM per process, which the step must not pay for.
        final Map<String, Map<String, Double>> threads = sampler.threadSecondsBetween(threadsBefore, threadsAfter,
                sampler.jvmThreadNames(), BUSIEST_THREAD_GROUPS);
        final long outcomes = stats.completed() + stats.failed();
        final Map<String, ProcessCost> processes = new LinkedHashMap<>();
        cpu.forEach((process, seconds) -> processes.put(process,
                ProcessCost.of(seconds, system.getOrDefault(process, 0.0), jit.getOrDefault(process, 0.0),
                        threads.getOrDefault(process, Map.of()), switches.getOrDefault(process, 0L),
                        GcPauses.between(gcBefore.get(process), gcAfter.get(process), wallSeconds), wallSeconds,
                        outcomes)));
        final List<double[]> lag = sampler.samples().stream().filter(s -> s.step().equals(name))
                .map(s -> new double[] {s.atSeconds(), s.readSideLagRecords()}).toList();
        final long incomplete = stats.sent() - outcomes - stats.sendErrors();
        final StepResult result = new StepResult(name, mode, kind, offered, inFlight,
                round((stats.sendsEndedNanos() - startNanos) / 1e9), stats.sent(), stats.completed(), stats.failed(),
                stats.failureReasons(), stats.sendErrors(), stats.answers(), incomplete,
                round(stats.outcomesPerSecond()), round(stats.completedPerSecond()),
                LatencySummary.of(stats.latencyMicros()), latencyByStage(stats), processes, commits,
                LagSummary.of(lag, stats.outcomesPerSecond()),
                written, outcomes == 0 ? 0
                        : round(written.values().stream().mapToLong(Long::longValue).sum() / (double) outcomes),
                ReadSideWal.between(walBefore, walAfter, wallSeconds, outcomes), machine);
        log.info("Step {}: sent {}, completed {}, failed {}, send errors {}, incomplete {}, {} outcomes/s, p50 {} ms,"
                        + " p99 {} ms, {} records/transfer", name, result.sent(), result.completed(), result.failed(), result.sendErrors(),
                incomplete, result.outcomesPerSecond(), result.latency().p50Ms(), result.latency().p99Ms(),
                result.recordsPerTransfer());
        return result;
    }

    private Map<String, Map<String, Double>> readCommitMeters() {
        final Map<String, Map<String, Double>> readings = new LinkedHashMap<>();
        commitMeters.forEach(meters -> readings.put(meters.name(), meters.read()));
        return readings;
    }

    private static Map<String, LatencySummary> latencyByStage(final StepStats stats) {
        final Map<String, LatencySummary> stages = new LinkedHashMap<>();
        stats.stageMicros().forEach((stage, micros) -> stages.put(stage.key(), LatencySummary.of(micros)));
        return stages;
    }

    /**
     * Waits (at most {@code --settle-seconds}) until the read side has projected what earlier
     * steps wrote, so a step is not charged for catching up on its predecessor's backlog. A wait
     * that ends without the read side caught up is written into the run's notes.
     */
    private void awaitReadSideSettled(final String step) throws InterruptedException {
        if (stepOptions.settleSeconds <= 0) {
            return;
        }
        final long start = System.nanoTime();
        final long deadline = start + TimeUnit.SECONDS.toNanos(stepOptions.settleSeconds);
        long records = readSideLag.records();
        while ((records < 0 || records > stepOptions.settleLagRecords) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(SETTLE_POLL_MS);
            records = readSideLag.records();
        }
        final long waitedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (records >= 0 && records <= stepOptions.settleLagRecords) {
            log.info("Before {}: read side caught up (lag {} records) after {} s", step, records, waitedSeconds);
        } else {
            log.warn("Before {}: read side still {} records behind after {} s; the step starts anyway",
                    step, records, waitedSeconds);
            runNotes.add("Step " + step + " started with the read side " + records + " records behind (waited "
                    + waitedSeconds + " s).");
        }
    }

    private BaselineResult readBaseline() {
        final Path file = resultsDir.resolve(BaselineCommand.FILE);
        try {
            return Files.exists(file) ? ResultsJson.read(file, BaselineResult.class) : null;
        } catch (java.io.IOException e) {
            log.warn("Cannot read the baseline {}: {}", file, e.getMessage());
            return null;
        }
    }

    private Map<String, Object> settings() {
        final Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("profile", profile);
        settings.put("api_url", apiUrl);
        settings.put("bootstrap_servers", bootstrapServers);
        settings.put("account_processor_url", accountProcessorUrl);
        settings.put("saga_url", sagaUrl);
        settings.put("wallet_data_dir", String.valueOf(walletDataDir));
        settings.put("read_side_group", readSideGroup);
        settings.put("topic_partitions", topicPartitions);
        settings.put("accounts", accounts);
        settings.put("currency", CURRENCY);
        settings.put("funding_minor", fundingMinor);
        settings.put("skew", workload.skew);
        settings.put("amounts", workload.amounts);
        settings.put("amount_max_minor", Defaults.AMOUNT_MAX_MINOR);
        settings.put("seed", runSeed);
        stepOptions.describe(settings);
        settings.put("setup_concurrency", setupConcurrency);
        settings.put("wallet_java_opts", System.getenv().getOrDefault("WALLET_JAVA_OPTS", "(bin/wallet default)"));
        settings.put("jvms", jvms);
        return settings;
    }

    /**
     * How each watched JVM was started, as {@code /proc} shows it (so also when the stack was started
     * with other settings than this command's environment): its JDK version, java binary and options.
     */
    private static Map<String, ProcFs.JvmLaunch> jvmsOf(final List<WatchedProcess> processes) {
        final Map<String, ProcFs.JvmLaunch> jvms = new LinkedHashMap<>();
        for (final WatchedProcess process : processes) {
            process.jvmLaunch(ProcFs.system()).ifPresent(launch -> jvms.put(process.name(), launch));
        }
        return jvms;
    }

    private static double round(final double value) {
        return Math.round(value * 10) / 10.0;
    }
}
