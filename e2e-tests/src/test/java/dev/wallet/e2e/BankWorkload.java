package dev.wallet.e2e;

import dev.wallet.e2e.client.Answer;
import dev.wallet.e2e.client.WalletClient;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many concurrent transfers among a set of accounts, some of them hot, posted through the HTTP API
 * as client apps would: a request that gets a 503 or no answer is retried with the same
 * transaction_id, which is what makes a retry safe.
 */
final class BankWorkload {

    /** Retries of one request after a 503 or a broken connection. */
    static final int RETRIES_MAX = 20;

    /** Pause between retries. */
    static final long RETRY_PAUSE_MS = 500;

    /** Share of transfers that touch the hot accounts. */
    static final double HOT_SHARE = 0.3;

    private final WalletClient client;
    private final List<String> accounts;
    private final List<String> hotAccounts;
    private final String currency;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    BankWorkload(final WalletClient client, final List<String> accounts, final List<String> hotAccounts,
                 final String currency) {
        this.client = client;
        this.accounts = accounts;
        this.hotAccounts = hotAccounts;
        this.currency = currency;
    }

    /**
     * Opens every account of the workload and funds it from {@code funding}, {@code clients} at a
     * time; each open must answer 201 and each funding transfer success.
     */
    static void openAndFund(final WalletClient client, final List<String> accounts, final String currency,
                            final String funding, final String amount, final int clients) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            final List<Future<?>> done = new java.util.ArrayList<>();
            for (final String account : accounts) {
                done.add(pool.submit(() -> {
                    final Answer opened = client.openAccount(account, currency, "user");
                    if (opened.status() != 201 && opened.status() != 202) {
                        throw new IllegalStateException("open " + account + " answered " + opened.status()
                                + " " + opened.body());
                    }
                    awaitOutcome(client, client.transfer(funding, account, amount, currency), "success");
                    return null;
                }));
            }
            for (final Future<?> future : done) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The outcome of a transfer as a client app learns it: from the answer, or after a 202 from the
     * status resource, polled until it is terminal.
     */
    static void awaitOutcome(final WalletClient client, final Answer answer, final String expected) {
        final String transactionId = answer.text("transaction_id");
        String status = answer.text("status");
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while ("pending".equals(status) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(RETRY_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            final Answer polled = client.transferStatus(transactionId);
            status = polled.status() == 404 ? "pending" : polled.text("status");
        }
        if (!expected.equals(status)) {
            throw new IllegalStateException("transfer " + transactionId + " ended " + status + ", not " + expected);
        }
    }

    /** Posts {@code transfers} transfers from {@code clients} threads; returns when all are answered. */
    void run(final int transfers, final int clients, final long seed) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            final List<Future<?>> done = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                final SplittableRandom random = new SplittableRandom(seed + c);
                final int share = transfers / clients + (c < transfers % clients ? 1 : 0);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        postOne(random);
                    }
                    return null;
                }));
            }
            for (final Future<?> future : done) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void postOne(final SplittableRandom random) throws InterruptedException {
        final String from = pick(random);
        String to = pick(random);
        while (to.equals(from)) {
            to = accounts.get(random.nextInt(accounts.size()));
        }
        final int amountMinor = 1 + random.nextInt(5_000);
        final String amount = amountMinor / 100 + "." + String.format("%02d", amountMinor % 100);
        final String transactionId = UUID.randomUUID().toString();
        for (int attempt = 0; attempt <= RETRIES_MAX; attempt++) {
            try {
                final Answer answer = client.transfer(from, to, amount, currency, transactionId);
                if (answer.status() == 200 || answer.status() == 202) {
                    accepted.add(transactionId);
                    return;
                }
                if (answer.status() != 503) {
                    throw new IllegalStateException("transfer " + transactionId + " answered " + answer.status()
                            + " " + answer.body());
                }
                unavailable.incrementAndGet();
            } catch (UncheckedIOException e) {
                unavailable.incrementAndGet();
            }
            Thread.sleep(RETRY_PAUSE_MS);
        }
        abandoned.incrementAndGet();
    }

    private String pick(final SplittableRandom random) {
        final List<String> from = random.nextDouble() < HOT_SHARE ? hotAccounts : accounts;
        return from.get(random.nextInt(from.size()));
    }

    /** Transaction ids the API accepted (200 or 202): each must end terminal. */
    Set<String> accepted() {
        return accepted;
    }

    /** 503 answers and broken connections, each retried. */
    long unavailable() {
        return unavailable.get();
    }

    /** Requests given up after {@link #RETRIES_MAX} retries. */
    long abandoned() {
        return abandoned.get();
    }
}
