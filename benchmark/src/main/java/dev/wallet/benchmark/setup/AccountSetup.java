package dev.wallet.benchmark.setup;

import dev.wallet.benchmark.load.HttpTransferSender;
import dev.wallet.benchmark.load.OutcomeTracker;
import dev.wallet.benchmark.load.StepStats;
import dev.wallet.benchmark.workload.PlannedTransfer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the benchmark's accounts and funds them through the HTTP API, as a client would: one
 * system funding account per run (it may go negative), {@code accounts} user accounts, and one
 * funding transfer per user account. Account ids carry a run id, so runs against a long-lived
 * stack never meet each other's accounts.
 */
public final class AccountSetup {

    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);
    /** Rounds of account opens, the first included; later rounds repeat only the unanswered ones. */
    static final int OPEN_ROUNDS = 3;

    private final String apiBaseUrl;
    private final OutcomeTracker tracker;
    private final int concurrency;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public AccountSetup(final String apiBaseUrl, final OutcomeTracker tracker, final int concurrency) {
        this.apiBaseUrl = apiBaseUrl;
        this.tracker = tracker;
        this.concurrency = concurrency;
    }

    /** The user account ids of a run. */
    public static List<String> userAccountIds(final String runId, final int accounts) {
        final List<String> ids = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            ids.add("bench-" + runId + "-u" + i);
        }
        return ids;
    }

    /** The funding (system) account id of a run. */
    public static String fundingAccountId(final String runId) {
        return "bench-" + runId + "-funding";
    }

    /**
     * Opens every account; fails if any open was refused. An open that got no answer at all (a
     * timeout or a dropped connection: a cold stack on a slow machine) is sent again, up to
     * {@link #OPEN_ROUNDS} rounds in all: an open is idempotent, so a repeat of one that did land is
     * answered as already open.
     */
    public void openAccounts(final String fundingAccount, final List<String> userAccounts, final String currency)
            throws InterruptedException {
        open(fundingAccount, currency, "system");
        List<String> pending = userAccounts;
        Map<Integer, LongAdder> statuses = Map.of();
        for (int round = 1; round <= OPEN_ROUNDS && !pending.isEmpty(); round++) {
            final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
            final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
            final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
            final Semaphore permits = new Semaphore(concurrency);
            for (final String account : pending) {
                permits.acquire();
                client.sendAsync(openRequest(account, currency, "user"), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            if (response == null) {
                                unanswered.add(account);
                                errors.computeIfAbsent(String.valueOf(error), e -> new LongAdder()).increment();
                            } else {
                                answers.computeIfAbsent(response.statusCode(), code -> new LongAdder()).increment();
                            }
                            permits.release();
                        });
            }
            permits.acquire(concurrency);
            permits.release(concurrency);
            log.info("Opening round {}: {} accounts, answers by status {}{}", round, pending.size(), answers,
                    unanswered.isEmpty() ? "" : "; unanswered " + unanswered.size() + " " + errors);
            statuses = answers;
            final long refused = answers.entrySet().stream()
                    .filter(e -> e.getKey() != 200 && e.getKey() != 201 && e.getKey() != 202)
                    .mapToLong(e -> e.getValue().sum()).sum();
            if (refused > 0) {
                throw new IllegalStateException(refused + " account opens were refused: " + answers);
            }
            pending = List.copyOf(unanswered);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " account opens got no answer in " + OPEN_ROUNDS
                    + " rounds (last round's answers " + statuses + ")");
        }
        log.info("Opened {} accounts", userAccounts.size());
    }

    /**
     * Moves {@code amountMinor} from the funding account to every user account and waits (at most
     * {@code timeout}) for every outcome; fails unless every funding transfer completed.
     */
    public void fund(final String fundingAccount, final List<String> userAccounts, final String currency,
                     final long amountMinor, final Duration timeout) throws InterruptedException {
        final StepStats step = new StepStats("setup-funding", concurrency);
        try (HttpTransferSender sender = new HttpTransferSender(apiBaseUrl, tracker, Duration.ofSeconds(30))) {
            for (final String account : userAccounts) {
                step.inFlightPermitsAcquire();
                sender.send(new PlannedTransfer(UUID.randomUUID().toString(), fundingAccount, account, amountMinor,
                        currency), System.nanoTime(), step);
            }
            tracker.awaitDrained(step, timeout);
        }
        log.info("Funding: {} completed, {} failed {}, {} send errors {}", step.completed(), step.failed(),
                step.failureReasons(), step.sendErrors(), step.answers());
        if (step.completed() != userAccounts.size()) {
            throw new IllegalStateException("only " + step.completed() + " of " + userAccounts.size()
                    + " funding transfers completed: failed " + step.failureReasons() + ", answers " + step.answers());
        }
    }

    private void open(final String account, final String currency, final String type) throws InterruptedException {
        try {
            final int status = client.send(openRequest(account, currency, type), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200 && status != 201 && status != 202) {
                throw new IllegalStateException("opening " + account + " answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the write API at " + apiBaseUrl + ": " + e.getMessage(), e);
        }
    }

    private HttpRequest openRequest(final String account, final String currency, final String type) {
        return HttpRequest.newBuilder(URI.create(apiBaseUrl + "/v1/wallet/accounts"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account_id\":\"" + account + "\",\"currency\":\""
                        + currency + "\",\"type\":\"" + type + "\"}"))
                .build();
    }
}
