-- Room on each transfers page for a transfer's later versions: its row is written when the saga
-- accepts it and updated when it is debited and when it finishes, usually in later batches. With
-- free space on the page those updates are HOT (no new index entries, dead versions pruned in place).
ALTER TABLE transfers SET (fillfactor = 50);
