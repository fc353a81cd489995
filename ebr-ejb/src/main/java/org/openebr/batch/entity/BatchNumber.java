package org.openebr.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last batch number issued in a numbering period (e.g. the year of the pattern
 * {@code B-{yyyy}-{seq:4}}). Read locked and increased in the transaction that creates the batch: a
 * rolled-back creation gives its number back, so numbers have no gaps (a sequence would skip). Not
 * audited: a counter; the batches carry their numbers, and their creation is audited.
 */
@Entity
@Table(name = "batch_number")
public class BatchNumber {

    @Id
    private String period;

    @Column(name = "last_number", nullable = false)
    private int lastNumber;

    protected BatchNumber() {
    }

    public BatchNumber(String period) {
        this.period = period;
    }

    public int next() {
        return ++lastNumber;
    }
}
