package dev.wallet.saga.pipeline;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.RefundAccount;
import dev.wallet.schemas.avro.TransferFailureReason;
import dev.wallet.schemas.avro.TransferRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated pipeline scenario turned into client actions, with what a plain reference model
 * expects of each transfer where the outcome does not depend on the interleaving.
 *
 * <p>Users hold one currency each and are opened early (before any transfer), late (halfway) or
 * never; every currency has a SYSTEM funding account, opened first, that may go negative and is
 * how money enters. Transfers run user to user, funding to user, or user to funding (a payout).
 */
final class Scenario {

    static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");

    /** When a user account is opened relative to the transfers. */
    enum Opening { EARLY, LATE, NEVER }

    /** What kind of request a transfer is. */
    enum Kind { PLAIN, DUPLICATE, CONFLICT, CANCELLED, EXPIRED, PAYOUT }

    record AccountSpec(String currency, Opening opening) {
    }

    record TransferSpec(int from, int to, long amountMinor, boolean fromFunding, boolean otherCurrency, Kind kind) {
    }

    /**
     * What the model expects of one transfer.
     *
     * @param reason      the failure reason when it follows from the request alone; null otherwise
     * @param mayComplete false when no interleaving can complete it (unknown destination, currency
     *                    mismatch, more than the source ever receives, or a known failure reason)
     * @param duplicates  requests repeating it with the same payload
     * @param conflicts   requests repeating its id with another payload
     */
    record Expectation(TransferFailureReason reason, boolean mayComplete, int duplicates, int conflicts) {
    }

    private final Instant now;
    private final List<AccountSpec> accounts;
    private final List<ClientAction> actions = new ArrayList<>();
    private final Map<String, Expectation> expectations = new LinkedHashMap<>();
    private final Map<String, Long> maxReceivedMinor = new HashMap<>();

    Scenario(final Instant now, final List<AccountSpec> accounts, final List<TransferSpec> transfers) {
        this.now = now;
        this.accounts = List.copyOf(accounts);
        for (final TransferSpec transfer : transfers) {
            final long amount = Math.max(0, transfer.amountMinor());
            maxReceivedMinor.merge(user(transfer.to() % accounts.size()), amount, Math::addExact);
        }
        CURRENCIES.forEach(currency -> actions.add(open(funding(currency), AccountType.SYSTEM, currency)));
        openUsers(Opening.EARLY);
        for (int i = 0; i < transfers.size(); i++) {
            if (i == transfers.size() / 2) {
                openUsers(Opening.LATE);
            }
            addTransfer("tx-" + i, transfers.get(i));
        }
    }

    List<ClientAction> actions() {
        return List.copyOf(actions);
    }

    Map<String, Expectation> expectations() {
        return Map.copyOf(expectations);
    }

    private void openUsers(final Opening opening) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).opening() == opening) {
                actions.add(open(user(i), AccountType.USER, accounts.get(i).currency()));
            }
        }
    }

    private void addTransfer(final String tx, final TransferSpec spec) {
        final int toIndex = spec.to() % accounts.size();
        final int fromIndex = spec.from() % accounts.size();
        final boolean payout = spec.kind() == Kind.PAYOUT;
        final boolean fromFunding = spec.fromFunding() && !payout;
        final Side from = fromFunding ? fundingSide(accounts.get(toIndex).currency()) : userSide(fromIndex);
        final Side to = payout ? fundingSide(accounts.get(fromIndex).currency()) : userSide(toIndex);
        final String currency = spec.otherCurrency() ? otherThan(from.currency()) : from.currency();
        final long amount = spec.amountMinor();
        final Kind kind = spec.kind() == Kind.CANCELLED && !cancellable(from, to, amount, currency)
                ? Kind.PLAIN : spec.kind();
        if (kind == Kind.CANCELLED) {
            actions.add(new ClientAction.Command(new AccountCommand(from.id(), tx, CommandStep.REFUND, now,
                    new RefundAccount(amount, currency))));
        }
        final Instant deadline = kind == Kind.EXPIRED ? now.minusSeconds(1) : now.plus(Duration.ofMinutes(5));
        actions.add(new ClientAction.Request(new TransferRequest(tx, from.id(), to.id(), amount, currency, now, deadline)));
        if (kind == Kind.DUPLICATE || kind == Kind.CONFLICT) {
            final long repeatedAmount = kind == Kind.CONFLICT ? amount + 1 : amount;
            actions.add(new ClientAction.Request(new TransferRequest(tx, from.id(), to.id(), repeatedAmount, currency,
                    now.plusSeconds(1), deadline)));
        }
        final TransferFailureReason reason = knownReason(from, to, amount, currency, kind);
        final boolean mayComplete = reason == null && to.opening() != Opening.NEVER
                && currency.equals(from.currency()) && currency.equals(to.currency())
                && (from.system() || amount <= maxReceivedMinor.getOrDefault(from.id(), 0L));
        expectations.put(tx, new Expectation(reason, mayComplete, kind == Kind.DUPLICATE ? 1 : 0,
                kind == Kind.CONFLICT ? 1 : 0));
    }

    /** The reason that follows from the request alone, in the order the saga and the accounts check. */
    private static TransferFailureReason knownReason(final Side from, final Side to, final long amount,
                                                     final String currency, final Kind kind) {
        if (from.id().equals(to.id())) {
            return TransferFailureReason.SAME_ACCOUNT;
        }
        if (amount <= 0) {
            return TransferFailureReason.INVALID_AMOUNT;
        }
        if (kind == Kind.EXPIRED) {
            return TransferFailureReason.EXPIRED;
        }
        if (kind == Kind.CANCELLED) {
            return TransferFailureReason.TRANSFER_CANCELLED;
        }
        if (from.opening() == Opening.NEVER) {
            return TransferFailureReason.SOURCE_ACCOUNT_NOT_FOUND;
        }
        if (from.opening() == Opening.EARLY && !currency.equals(from.currency())) {
            return TransferFailureReason.SOURCE_CURRENCY_MISMATCH;
        }
        return null;
    }

    /** A cancel is predictable only for an open user source, in its currency: then the refund lands first. */
    private static boolean cancellable(final Side from, final Side to, final long amount, final String currency) {
        return !from.system() && from.opening() == Opening.EARLY && !from.id().equals(to.id()) && amount > 0
                && currency.equals(from.currency());
    }

    private Side userSide(final int index) {
        final AccountSpec spec = accounts.get(index);
        return new Side(user(index), spec.currency(), spec.opening(), false);
    }

    private static Side fundingSide(final String currency) {
        return new Side(funding(currency), currency, Opening.EARLY, true);
    }

    private AccountCommand.Builder openBuilder() {
        return AccountCommand.newBuilder().setStep(CommandStep.OPEN).setIssuedAt(now);
    }

    private ClientAction open(final String id, final AccountType type, final String currency) {
        return new ClientAction.Command(openBuilder().setAccountId(id).setTransactionId("open-" + id)
                .setBody(new OpenAccount(type, currency)).build());
    }

    static String user(final int index) {
        return "user-" + index;
    }

    static String funding(final String currency) {
        return "funding-" + currency;
    }

    private static String otherThan(final String currency) {
        return CURRENCIES.get((CURRENCIES.indexOf(currency) + 1) % CURRENCIES.size());
    }

    /** One side of a transfer as the model sees it. */
    private record Side(String id, String currency, Opening opening, boolean system) {
    }
}
