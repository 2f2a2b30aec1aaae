/**
 * The transfer saga's rules, free of Kafka: {@link dev.wallet.saga.definition.TransferSagaDefinition}
 * is the table of steps (debit, credit, refund as compensation), the rest are its parts.
 */
package dev.wallet.saga.definition;
