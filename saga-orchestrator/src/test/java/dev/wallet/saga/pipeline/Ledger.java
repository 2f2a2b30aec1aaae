package dev.wallet.saga.pipeline;

import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.AccountType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account events as read from {@code wallet.account-events}, and what replaying them tells:
 * every account's balance, currency and type. Repeated answers and answers for unknown accounts
 * (sequence 0) are no ledger entries and are skipped, as the schema says.
 */
final class Ledger {

    private final List<AccountEvent> events;

    Ledger(final List<AccountEvent> events) {
        this.events = List.copyOf(events);
    }

    List<AccountEvent> all() {
        return events;
    }

    /** The ledger entries of each account, in the order they were written. */
    Map<String, List<AccountEvent>> entriesByAccount() {
        final Map<String, List<AccountEvent>> byAccount = new LinkedHashMap<>();
        for (final AccountEvent event : events) {
            if (!event.getRepeated() && event.getSequence() > 0) {
                byAccount.computeIfAbsent(event.getAccountId(), id -> new ArrayList<>()).add(event);
            }
        }
        return byAccount;
    }

    /** Entries of {@code transactionId} whose body is of {@code type}. */
    List<AccountEvent> entriesOf(final String transactionId, final Class<?> type) {
        return events.stream()
                .filter(event -> !event.getRepeated() && event.getSequence() > 0)
                .filter(event -> event.getTransactionId().equals(transactionId))
                .filter(event -> type.isInstance(event.getBody()))
                .toList();
    }

    /** The money an entry moves into its account: negative for a debit, zero for no movement. */
    static long movementMinor(final AccountEvent event) {
        final Object body = event.getBody();
        if (body instanceof AccountDebited debited) {
            return -debited.getAmountMinor();
        }
        if (body instanceof AccountCredited credited) {
            return credited.getAmountMinor();
        }
        if (body instanceof AccountRefunded refunded) {
            return refunded.getAmountMinor();
        }
        return 0;
    }

    /** The type of every opened account. */
    Map<String, AccountType> types() {
        final Map<String, AccountType> types = new LinkedHashMap<>();
        for (final AccountEvent event : events) {
            if (event.getBody() instanceof AccountOpened opened && !event.getRepeated()) {
                types.put(event.getAccountId(), opened.getAccountType());
            }
        }
        return types;
    }

    /** The last balance_after of every account, as the processor reported it. */
    Map<String, Long> reportedBalances() {
        final Map<String, Long> balances = new LinkedHashMap<>();
        entriesByAccount().forEach((account, entries) ->
                balances.put(account, entries.get(entries.size() - 1).getBalanceAfterMinor()));
        return balances;
    }

    /** The currency of every account with entries. */
    Map<String, String> currencies() {
        final Map<String, String> currencies = new LinkedHashMap<>();
        entriesByAccount().forEach((account, entries) -> currencies.put(account, entries.get(0).getCurrency()));
        return currencies;
    }
}
