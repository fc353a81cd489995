package org.openebr.erp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver a message, or an administrator's request to retry it; append-only. */
@Entity
@Table(name = "erp_delivery")
public class ErpDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, updatable = false)
    private UUID messageId;

    @Column(nullable = false, updatable = false)
    private int attempt;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(updatable = false)
    private String detail;

    @Column(name = "by_user", nullable = false, updatable = false)
    private String byUser;

    protected ErpDelivery() {
    }

    public ErpDelivery(UUID messageId, int attempt, Instant at, String outcome, Integer httpStatus, String detail,
                       String by) {
        this.messageId = messageId;
        this.attempt = attempt;
        this.at = at;
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000));
        this.byUser = by;
    }

    public UUID messageId() {
        return messageId;
    }

    public int attempt() {
        return attempt;
    }

    public Instant at() {
        return at;
    }

    public String outcome() {
        return outcome;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String detail() {
        return detail;
    }

    public String byUser() {
        return byUser;
    }
}
