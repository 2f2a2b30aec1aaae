package dev.wallet.benchmark;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The load's steps and the pipeline producer: what each mode runs, how long and how hard. */
final class StepOptions {

    @Option(names = "--modes", split = ",", defaultValue = "pipeline,http", description = "pipeline, http")
    List<String> modes;

    @Option(names = "--pipeline-rates", split = ",", defaultValue = "1000,2500,5000,10000,20000",
            description = "offered rates of the pipeline's latency curve (default ${DEFAULT-VALUE})")
    List<Double> pipelineRates;

    @Option(names = "--http-rates", split = ",", defaultValue = "1000,2500",
            description = "offered rates of the HTTP latency curve (default ${DEFAULT-VALUE})")
    List<Double> httpRates;

    @Option(names = "--step-seconds", defaultValue = "20", description = "seconds of each paced step")
    int stepSeconds;

    /**
     * 30 s since 25 Nov 2026: after 10 s at 1,000/s the stack was still compiling (run G's first
     * paced pipeline step had three times the median of the HTTP step at the same rate later).
     */
    @Option(names = "--warmup-seconds", defaultValue = "30", description = "seconds of the warm-up step per mode")
    int warmupSeconds;

    @Option(names = "--warmup-rate", defaultValue = "1000", description = "offered rate of the warm-up")
    double warmupRate;

    /**
     * Since 26 Nov 2026: on a slower machine the JVMs' JIT compilers still used 0.5-0.7 of the two
     * cores minutes into the load, so a fixed warm-up let compilation into the measured steps. The
     * warm-up now repeats (as steps {@code <mode>-warmup-2}, {@code -3}, ...) until the JIT threads of
     * all watched JVMs together used at most this many cores over the last round.
     */
    @Option(names = "--warmup-jit-cores", defaultValue = "0.15",
            description = "repeat the warm-up until all JIT compiler threads together use at most this many cores"
                    + " (default ${DEFAULT-VALUE}; a negative value: one round only)")
    double warmupJitCores;

    @Option(names = "--warmup-max-seconds", defaultValue = "300",
            description = "longest warm-up per mode, all rounds together (default ${DEFAULT-VALUE})")
    int warmupMaxSeconds;

    @Option(names = "--pipeline-max-seconds", defaultValue = "60", description = "seconds of the pipeline max step")
    int pipelineMaxSeconds;

    @Option(names = "--http-max-seconds", defaultValue = "30", description = "seconds of the HTTP max step")
    int httpMaxSeconds;

    @Option(names = "--pipeline-in-flight", defaultValue = "20000", description = "pipeline transfers in flight, max")
    int pipelineInFlight;

    /**
     * The API answers a transfer after its outcome (up to 2 s), so HTTP throughput is at most
     * in-flight ÷ latency (Little's law): the bound must be high for the max step to measure the
     * API rather than this generator. The API's own bound is 10,000 waiters.
     */
    @Option(names = "--http-in-flight", defaultValue = "4096", description = "HTTP transfers in flight, max")
    int httpInFlight;

    @Option(names = "--drain-seconds", defaultValue = "30", description = "wait for outcomes after a step, max")
    int drainSeconds;

    /**
     * A step past the knee leaves the read side behind; without a wait the next step would pay for
     * the catching up (in the runs before 25 Nov 2026 the HTTP steps shared the cores with the read
     * side projecting the pipeline max step's backlog).
     */
    @Option(names = "--settle-seconds", defaultValue = "240",
            description = "before each step, wait up to this long for the read side's lag to fall to"
                    + " --settle-lag-records (default ${DEFAULT-VALUE}; 0: no wait)")
    int settleSeconds;

    @Option(names = "--settle-lag-records", defaultValue = "2000",
            description = "read-side lag (records) that counts as caught up (default ${DEFAULT-VALUE})")
    long settleLagRecords;

    /** 0 by default: the issue asks for the whole curve, so the knee shows. */
    @Option(names = "--knee-ratio", defaultValue = "0",
            description = "skip higher offered rates once a step achieved less than this share of its offer"
                    + " (default ${DEFAULT-VALUE}: never skip)")
    double kneeRatio;

    @Option(names = "--linger-ms", defaultValue = "5", description = "pipeline producer linger.ms")
    int lingerMs;

    @Option(names = "--batch-bytes", defaultValue = "131072", description = "pipeline producer batch.size")
    int batchBytes;

    @Option(names = "--request-expiry-seconds", defaultValue = "30", description = "deadline − requested_at (pipeline)")
    int requestExpirySeconds;

    /** Puts every option into the results' settings, snake_case. */
    void describe(final Map<String, Object> settings) {
        settings.put("modes", modes);
        settings.put("pipeline_rates", pipelineRates);
        settings.put("http_rates", httpRates);
        settings.put("step_seconds", stepSeconds);
        settings.put("warmup_seconds", warmupSeconds);
        settings.put("warmup_rate", warmupRate);
        settings.put("warmup_jit_cores", warmupJitCores);
        settings.put("warmup_max_seconds", warmupMaxSeconds);
        settings.put("pipeline_max_seconds", pipelineMaxSeconds);
        settings.put("http_max_seconds", httpMaxSeconds);
        settings.put("pipeline_in_flight", pipelineInFlight);
        settings.put("http_in_flight", httpInFlight);
        settings.put("drain_seconds", drainSeconds);
        settings.put("settle_seconds", settleSeconds);
        settings.put("settle_lag_records", settleLagRecords);
        settings.put("knee_ratio", kneeRatio);
        settings.put("producer_linger_ms", lingerMs);
        settings.put("producer_batch_bytes", batchBytes);
        settings.put("producer_compression", "lz4");
        settings.put("request_expiry_seconds", requestExpirySeconds);
    }
}
