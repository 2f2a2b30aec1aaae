package dev.wallet.benchmark.report;

import java.util.Map;

/**
 * What one step measured.
 *
 * @param kind               {@code paced} (open loop at {@code offeredPerSecond}) or {@code max}
 *                           (as fast as it goes with {@code inFlightMax} in flight)
 * @param sendSeconds        how long the step sent
 * @param incomplete         sent, written, and without an outcome when the drain wait ended
 * @param outcomesPerSecond  outcomes / (last outcome − first due send)
 * @param completedPerSecond completed transfers over the same span
 * @param latencyByStage     the latency split at the transfer's first ACCEPTED and DEBITED events,
 *                           by stage name ({@code request_to_accepted}, {@code accepted_to_debited},
 *                           {@code debited_to_completed}), over the transfers that passed each stage
 * @param processes          CPU of each watched process from the step's first send to its drain
 * @param commits            each Kafka Streams service's exactly-once commits over the step (how
 *                           often, and how long each waited on the broker), from its own meters;
 *                           a service that did not answer is missing
 * @param recordsWritten     records (with transaction markers) written per topic over the step,
 *                           changelogs included; empty when Kafka did not answer
 * @param recordsPerTransfer Σ recordsWritten ÷ outcomes
 * @param readSideWal        the WAL the read side's PostgreSQL wrote over the step; null when the
 *                           load generator was not given its URL or it did not answer
 * @param machineCpu         the whole machine's CPU over the step by kind, steal and interrupts
 *                           included; null in runs before 28 Nov 2026
 */
public record StepResult(String name, String mode, String kind, Double offeredPerSecond, int inFlightMax,
                         double sendSeconds, long sent, long completed, long failed,
                         Map<String, Long> failureReasons, long sendErrors, Map<String, Long> answers,
                         long incomplete, double outcomesPerSecond, double completedPerSecond,
                         LatencySummary latency, Map<String, LatencySummary> latencyByStage,
                         Map<String, ProcessCost> processes, Map<String, CommitTiming> commits, LagSummary readSideLag,
                         Map<String, Long> recordsWritten, double recordsPerTransfer, ReadSideWal readSideWal,
                         MachineCpu machineCpu) {

    /** Cores the JIT compiler threads of all watched JVMs used together over the step. */
    public double jitCores() {
        return Math.round(processes.values().stream().mapToDouble(ProcessCost::jitAverageCores).sum() * 1000)
                / 1000.0;
    }
}
