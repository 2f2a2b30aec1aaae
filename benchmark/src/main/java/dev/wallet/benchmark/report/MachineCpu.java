package dev.wallet.benchmark.report;

import dev.wallet.benchmark.sample.ProcFs.CpuTicks;

/**
 * The whole machine's CPU over a step, in cores (all of its CPUs' ticks of each kind ÷ ticks per
 * second ÷ the step's wall seconds), from the first line of {@code /proc/stat}. It shows what the
 * processes' own figures cannot:
 *
 * @param user       user time of every process (nice included): the watched processes' code and
 *                   anything else that ran
 * @param system     kernel time on processes' behalf (their {@code stime}, summed)
 * @param interrupts time in hardware and software interrupts (irq + softirq): loopback networking's
 *                   receive work runs here, charged to no process
 * @param steal      time the hypervisor gave this VM's CPUs to someone else while they had work:
 *                   how much slower the machine was than its cores
 * @param iowait     idle while a disk read or write was pending
 * @param idle       idle otherwise
 */
public record MachineCpu(double user, double system, double interrupts, double steal, double iowait, double idle) {

    /** The machine between two readings of {@code /proc/stat}; null when either is missing. */
    public static MachineCpu between(final CpuTicks before, final CpuTicks after, final double ticksPerSecond,
                                     final double wallSeconds) {
        if (before == null || after == null || wallSeconds <= 0) {
            return null;
        }
        final double scale = ticksPerSecond * wallSeconds;
        return new MachineCpu(cores(after.user() - before.user(), scale), cores(after.system() - before.system(), scale),
                cores(after.interrupts() - before.interrupts(), scale), cores(after.steal() - before.steal(), scale),
                cores(after.iowait() - before.iowait(), scale), cores(after.idle() - before.idle(), scale));
    }

    /** The cores the machine worked: user, system and interrupt time (steal, iowait and idle are not work). */
    public double busy() {
        return user + system + interrupts;
    }

    /** The kernel's part of that work, (system + interrupts) ÷ {@link #busy()}; NaN for a machine that did none. */
    public double kernelShare() {
        return (system + interrupts) / busy();
    }

    private static double cores(final long ticks, final double scale) {
        return Math.round(Math.max(0, ticks) / scale * 1000) / 1000.0;
    }
}
