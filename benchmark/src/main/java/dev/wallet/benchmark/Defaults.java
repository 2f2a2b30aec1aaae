package dev.wallet.benchmark;

/** Workload defaults shared by the load and the baseline, so both run the same shape. */
final class Defaults {

    /** 1% of the accounts draw 10% of the picks (sources and destinations alike). */
    static final String SKEW = "hot:0.01:0.1";

    /** Log-normal amounts, median e^7 ≈ 1,097 minor units (10.97 USD), mean ≈ 1,808. */
    static final String AMOUNTS = "lognormal:7:1";

    /** No single transfer asks for more than this (1,000.00 USD), so declines stay rare. */
    static final long AMOUNT_MAX_MINOR = 100_000;

    /** Opening balance of each account: 100,000.00 USD. */
    static final String FUNDING_MINOR = "10000000";

    private Defaults() {
    }
}
