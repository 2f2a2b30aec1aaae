package dev.wallet.benchmark.workload;

import java.util.SplittableRandom;

/**
 * Transfer amounts in minor units: {@code uniform:<min>:<max>} (inclusive) or
 * {@code lognormal:<mu>:<sigma>} (the natural log of the amount is normal; {@code lognormal:7:1}
 * has a median of e^7 ≈ 1,097 minor units). Every amount is clamped to {@code [1, maxMinor]}.
 */
public final class AmountDistribution {

    private final String spec;
    private final boolean logNormal;
    private final double a;
    private final double b;
    private final long maxMinor;

    private AmountDistribution(final String spec, final boolean logNormal, final double a, final double b,
                               final long maxMinor) {
        this.spec = spec;
        this.logNormal = logNormal;
        this.a = a;
        this.b = b;
        this.maxMinor = maxMinor;
    }

    /** Parses a spec; {@code maxMinor} bounds every amount (a transfer never asks for more). */
    public static AmountDistribution parse(final String spec, final long maxMinor) {
        final String[] parts = spec.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("malformed amounts '" + spec + "'; use uniform:<min>:<max> or lognormal:<mu>:<sigma>");
        }
        final double first = Double.parseDouble(parts[1]);
        final double second = Double.parseDouble(parts[2]);
        switch (parts[0]) {
            case "uniform":
                if (first < 1 || second < first) {
                    throw new IllegalArgumentException("uniform:<min>:<max> needs 1 <= min <= max: " + spec);
                }
                return new AmountDistribution(spec, false, first, second, maxMinor);
            case "lognormal":
                if (second < 0) {
                    throw new IllegalArgumentException("lognormal sigma must be >= 0: " + spec);
                }
                return new AmountDistribution(spec, true, first, second, maxMinor);
            default:
                throw new IllegalArgumentException("unknown amounts '" + spec + "'");
        }
    }

    /** The spec this distribution was parsed from. */
    public String spec() {
        return spec;
    }

    /** One amount in minor units, in {@code [1, maxMinor]}. */
    public long nextMinor(final SplittableRandom random) {
        final double raw = logNormal
                ? Math.exp(a + b * gaussian(random))
                : a + Math.floor(random.nextDouble() * (b - a + 1));
        return Math.max(1, Math.min(maxMinor, (long) raw));
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(final SplittableRandom random) {
        final double u1 = 1.0 - random.nextDouble();
        final double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
