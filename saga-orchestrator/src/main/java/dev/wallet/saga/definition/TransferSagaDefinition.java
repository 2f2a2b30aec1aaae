package dev.wallet.saga.definition;

import static dev.wallet.saga.store.avro.SagaPhase.ACCEPTED;
import static dev.wallet.saga.store.avro.SagaPhase.COMPENSATING;
import static dev.wallet.saga.store.avro.SagaPhase.DEBITED;
import static dev.wallet.schemas.avro.CommandStep.CREDIT;
import static dev.wallet.schemas.avro.CommandStep.DEBIT;
import static dev.wallet.schemas.avro.CommandStep.REFUND;

import dev.wallet.saga.store.avro.SagaFailureReason;
import dev.wallet.saga.store.avro.SagaPhase;
import dev.wallet.saga.store.avro.TransferSagaState;
import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountRefunded;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.CreditRejected;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.avro.TransferCompensating;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDebited;
import dev.wallet.schemas.avro.TransferFailed;
import dev.wallet.schemas.avro.TransferRequest;
import java.util.Map;

/**
 * The transfer saga, debit first, as a table of steps. Each row is one step: the phase that waits
 * for it, the account it addresses, what its success does (forward) and what its decline does
 * (compensation).
 *
 * <pre>
 *  waiting in   | sent                 | answer -> forward               | decline -> compensation
 *  -------------+----------------------+---------------------------------+--------------------------------------
 *  (request)    |                      | valid -> ACCEPTED,              | invalid -> FAILED (SAME_ACCOUNT,
 *               |                      |   DebitAccount(source)          |   INVALID_AMOUNT, EXPIRED)
 *  ACCEPTED     | DebitAccount source  | AccountDebited -> DEBITED,      | DebitRejected -> FAILED (SOURCE_*,
 *               |                      |   CreditAccount(destination)    |   INSUFFICIENT_FUNDS, TRANSFER_CANCELLED)
 *  DEBITED      | CreditAccount dest.  | AccountCredited -> COMPLETED    | CreditRejected -> COMPENSATING,
 *               |                      |                                 |   RefundAccount(source)
 *  COMPENSATING | RefundAccount source | AccountRefunded -> FAILED       | (a refund is never declined)
 *               |                      |   (DESTINATION_*), refunded     |
 * </pre>
 *
 * <p>The logic is pure: given the stored state, an input and the orchestrator's clock it returns a
 * {@link SagaDecision}, so it is tested without a broker. Kafka Streams plumbing lives in
 * {@code dev.wallet.saga.topology}.
 */
public final class TransferSagaDefinition {

    private static final Map<SagaPhase, SagaStep> STEPS = SagaStep.table(
            // Step 1, debit the source. Declined: the transfer fails; nothing moved, nothing to undo.
            SagaStep.waitingIn(ACCEPTED).forAnswerTo(DEBIT, TransferSagaState::getFromAccount)
                    .onSuccess(AccountDebited.class, TransferSagaDefinition::creditDestination)
                    .onDecline(DebitRejected.class, TransferSagaDefinition::failUndebited),
            // Step 2, credit the destination. Declined: compensate step 1 by refunding the source.
            SagaStep.waitingIn(DEBITED).forAnswerTo(CREDIT, TransferSagaState::getToAccount)
                    .onSuccess(AccountCredited.class, TransferSagaDefinition::complete)
                    .onDecline(CreditRejected.class, TransferSagaDefinition::refundSource),
            // Compensation of step 1, refund the source; the account processor never declines it.
            SagaStep.waitingIn(COMPENSATING).forAnswerTo(REFUND, TransferSagaState::getFromAccount)
                    .onSuccess(AccountRefunded.class, TransferSagaDefinition::failRefunded)
                    .neverDeclined());

    private TransferSagaDefinition() {
    }

    /**
     * A transfer request arrived. For a known transaction_id it answers as a duplicate and starts
     * nothing; otherwise it starts the saga, or fails it at once without asking any account when
     * the request is invalid or expired.
     *
     * @param existing the stored saga of this transaction_id, or null if there is none
     * @param request  the request
     * @param nowMs    the orchestrator's wall-clock time in epoch milliseconds
     */
    public static SagaDecision onRequest(final TransferSagaState existing, final TransferRequest request,
                                         final long nowMs) {
        if (existing != null) {
            return Duplicates.answer(existing, request, nowMs);
        }
        final SagaFailureReason invalid = RequestValidation.check(request, nowMs);
        final TransferSagaState started = SagaStates.started(request, nowMs);
        if (invalid != null) {
            final TransferSagaState failed = SagaStates.failed(started, invalid, false, nowMs);
            return SagaDecision.advance(failed,
                    SagaMessages.event(failed, nowMs, new TransferFailed(FailureReasons.toPublic(invalid), false)));
        }
        final TransferAccepted accepted = new TransferAccepted(request.getRequestedAt(), request.getDeadline());
        return SagaDecision.advance(started, SagaMessages.event(started, nowMs, accepted),
                SagaMessages.debitSource(started, nowMs));
    }

    /**
     * An account answered a command. Only the answer the saga's current step waits for moves it;
     * anything else is an ignored decision with its reason.
     *
     * @param state the stored saga of the answer's transaction_id, or null if there is none
     * @param reply the account event
     * @param nowMs the orchestrator's wall-clock time in epoch milliseconds
     */
    public static SagaDecision onReply(final TransferSagaState state, final AccountEvent reply, final long nowMs) {
        if (reply.getStep() == CommandStep.OPEN) {
            return SagaDecision.ignore(IgnoredReply.NOT_A_TRANSFER_STEP);
        }
        if (reply.getRepeated()) {
            return SagaDecision.ignore(IgnoredReply.REPEATED);
        }
        if (state == null) {
            return SagaDecision.ignore(IgnoredReply.UNKNOWN_TRANSACTION);
        }
        final SagaStep step = STEPS.get(state.getPhase());
        if (step == null) {
            return SagaDecision.ignore(IgnoredReply.SAGA_FINISHED);
        }
        if (step.awaits() != reply.getStep()) {
            return SagaDecision.ignore(IgnoredReply.UNEXPECTED_STEP);
        }
        return step.answer(state, reply, nowMs);
    }

    /** True when the phase is terminal: no step waits in it. */
    public static boolean isTerminal(final SagaPhase phase) {
        return !STEPS.containsKey(phase);
    }

    private static SagaDecision creditDestination(final TransferSagaState state, final AccountEvent debited,
                                                  final long nowMs) {
        final TransferSagaState next = SagaStates.debited(state, debited.getSequence(), nowMs);
        return SagaDecision.advance(next, SagaMessages.event(next, nowMs, new TransferDebited(debited.getSequence())),
                SagaMessages.creditDestination(next, nowMs));
    }

    private static SagaDecision failUndebited(final TransferSagaState state, final AccountEvent rejected,
                                              final long nowMs) {
        final SagaFailureReason reason = FailureReasons.ofDebit(((DebitRejected) rejected.getBody()).getReason());
        final TransferSagaState failed = SagaStates.failed(state, reason, false, nowMs);
        return SagaDecision.advance(failed,
                SagaMessages.event(failed, nowMs, new TransferFailed(FailureReasons.toPublic(reason), false)));
    }

    private static SagaDecision complete(final TransferSagaState state, final AccountEvent credited, final long nowMs) {
        final TransferSagaState completed = SagaStates.completed(state, credited.getSequence(), nowMs);
        return SagaDecision.advance(completed, SagaMessages.event(completed, nowMs,
                new TransferCompleted(completed.getSourceSequence(), completed.getDestinationSequence())));
    }

    private static SagaDecision refundSource(final TransferSagaState state, final AccountEvent rejected,
                                             final long nowMs) {
        final SagaFailureReason reason = FailureReasons.ofCredit(((CreditRejected) rejected.getBody()).getReason());
        final TransferSagaState compensating = SagaStates.compensating(state, reason, nowMs);
        return SagaDecision.advance(compensating,
                SagaMessages.event(compensating, nowMs, new TransferCompensating(FailureReasons.toPublic(reason))),
                SagaMessages.refundSource(compensating, nowMs));
    }

    private static SagaDecision failRefunded(final TransferSagaState state, final AccountEvent refunded,
                                             final long nowMs) {
        final TransferSagaState failed = SagaStates.failed(state, state.getFailureReason(), true, nowMs);
        return SagaDecision.advance(failed, SagaMessages.event(failed, nowMs,
                new TransferFailed(FailureReasons.toPublic(failed.getFailureReason()), true)));
    }
}
