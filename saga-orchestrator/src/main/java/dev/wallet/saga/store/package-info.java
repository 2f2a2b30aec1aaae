/**
 * The saga's state stores: the phase-status table keyed by transaction_id and the index of ended
 * sagas that bounds it. The stored record {@code TransferSagaState} is generated from
 * {@code src/main/avro} and kept in Avro single-object encoding.
 */
package dev.wallet.saga.store;
