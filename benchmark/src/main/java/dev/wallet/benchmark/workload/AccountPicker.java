package dev.wallet.benchmark.workload;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks account indexes {@code 0..accounts-1} with a configurable skew, so a few accounts are hot
 * as in a real wallet (merchants, payroll). Index 0 is the hottest.
 *
 * <ul>
 *   <li>{@code uniform}: every account equally likely;</li>
 *   <li>{@code zipf:<s>}: the account of rank k (1-based) with probability proportional to
 *       {@code 1/k^s};</li>
 *   <li>{@code hot:<fraction>:<share>}: the first {@code fraction} of the accounts receive
 *       {@code share} of the picks, uniformly among them; the rest share the remainder.</li>
 * </ul>
 *
 * <p>Instances are immutable; the caller brings its own random source (one per thread).
 */
public final class AccountPicker {

    private final int accounts;
    private final String spec;
    /** Cumulative probabilities by rank for Zipf; null otherwise. */
    private final double[] zipfCdf;
    private final int hotAccounts;
    private final double hotShare;

    private AccountPicker(final int accounts, final String spec, final double[] zipfCdf,
                          final int hotAccounts, final double hotShare) {
        this.accounts = accounts;
        this.spec = spec;
        this.zipfCdf = zipfCdf;
        this.hotAccounts = hotAccounts;
        this.hotShare = hotShare;
    }

    /** Parses {@code uniform}, {@code zipf:<s>} or {@code hot:<fraction>:<share>}. */
    public static AccountPicker parse(final String spec, final int accounts) {
        if (accounts < 2) {
            throw new IllegalArgumentException("a transfer needs at least 2 accounts, got " + accounts);
        }
        final String[] parts = spec.split(":");
        switch (parts[0]) {
            case "uniform":
                return new AccountPicker(accounts, spec, null, 0, 0);
            case "zipf":
                requireParts(spec, parts, 2);
                return new AccountPicker(accounts, spec, zipfCdf(accounts, Double.parseDouble(parts[1])), 0, 0);
            case "hot":
                requireParts(spec, parts, 3);
                final double fraction = Double.parseDouble(parts[1]);
                final double share = Double.parseDouble(parts[2]);
                if (fraction <= 0 || fraction >= 1 || share < 0 || share > 1) {
                    throw new IllegalArgumentException("hot:<fraction>:<share> needs 0<fraction<1 and 0<=share<=1: " + spec);
                }
                final int hot = Math.max(1, Math.min(accounts - 1, (int) Math.round(accounts * fraction)));
                return new AccountPicker(accounts, spec, null, hot, share);
            default:
                throw new IllegalArgumentException("unknown skew '" + spec + "'; use uniform, zipf:<s> or hot:<fraction>:<share>");
        }
    }

    /** The number of accounts picked from. */
    public int accounts() {
        return accounts;
    }

    /** The spec this picker was parsed from. */
    public String spec() {
        return spec;
    }

    /** One account index. */
    public int pick(final SplittableRandom random) {
        if (zipfCdf != null) {
            final int found = Arrays.binarySearch(zipfCdf, random.nextDouble());
            return Math.min(accounts - 1, found >= 0 ? found : -found - 1);
        }
        if (hotAccounts > 0) {
            return random.nextDouble() < hotShare
                    ? random.nextInt(hotAccounts)
                    : hotAccounts + random.nextInt(accounts - hotAccounts);
        }
        return random.nextInt(accounts);
    }

    /** A pair of distinct indexes: source first, destination second. */
    public int[] pickPair(final SplittableRandom random) {
        final int from = pick(random);
        // Redraw with the same skew a bounded number of times; a hot source often draws itself.
        for (int attempt = 0; attempt < 64; attempt++) {
            final int to = pick(random);
            if (to != from) {
                return new int[] {from, to};
            }
        }
        return new int[] {from, (from + 1) % accounts};
    }

    private static double[] zipfCdf(final int accounts, final double exponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException("zipf exponent must be >= 0, got " + exponent);
        }
        final double[] cdf = new double[accounts];
        double sum = 0;
        for (int rank = 1; rank <= accounts; rank++) {
            sum += 1.0 / Math.pow(rank, exponent);
            cdf[rank - 1] = sum;
        }
        for (int i = 0; i < accounts; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static void requireParts(final String spec, final String[] parts, final int count) {
        if (parts.length != count) {
            throw new IllegalArgumentException("malformed skew '" + spec + "'");
        }
    }
}
