package io.github.kcpat.personaltokens.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An email waiting to be sent by the scheduled task. The row is deleted only once the SMTP server
 * accepted the message; a failed attempt leaves it for the next run.
 */
@Entity
@Table(name = "KCPAT_NOTICE")
@NamedQueries({
    @NamedQuery(name = "kcpat.notice.due",
            query = "select n from NoticeEntity n where n.claimedUntil is null or n.claimedUntil < :now order by n.createdAt"),
    @NamedQuery(name = "kcpat.notice.claim",
            query = "update NoticeEntity n set n.claimedUntil = :until"
                    + " where n.id = :id and (n.claimedUntil is null or n.claimedUntil < :now)"),
    @NamedQuery(name = "kcpat.notice.release",
            query = "update NoticeEntity n set n.claimedUntil = null where n.id = :id"),
    @NamedQuery(name = "kcpat.notice.delete",
            query = "delete from NoticeEntity n where n.id = :id"),
    @NamedQuery(name = "kcpat.notice.deleteByUser",
            query = "delete from NoticeEntity n where n.realmId = :realmId and n.userId = :userId"),
    @NamedQuery(name = "kcpat.notice.deleteByRealm",
            query = "delete from NoticeEntity n where n.realmId = :realmId"),
})
public class NoticeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "TOKEN_ID", length = 36, nullable = false)
    private String tokenId;

    @Column(name = "KIND", length = 32, nullable = false)
    private String kind;

    @Column(name = "TOKEN_NAME", length = 400, nullable = false)
    private String tokenName;

    @Column(name = "TOKEN_HINT", length = 64, nullable = false)
    private String tokenHint;

    /** For expiry notices: when the token dies (expiry or inactivity), epoch millis. */
    @Column(name = "DEADLINE")
    private Long deadline;

    @Column(name = "THRESHOLD_DAYS")
    private Integer thresholdDays;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CLAIMED_UNTIL")
    private Long claimedUntil;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getTokenId() { return tokenId; }
    public void setTokenId(String tokenId) { this.tokenId = tokenId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTokenName() { return tokenName; }
    public void setTokenName(String tokenName) { this.tokenName = tokenName; }
    public String getTokenHint() { return tokenHint; }
    public void setTokenHint(String tokenHint) { this.tokenHint = tokenHint; }
    public Long getDeadline() { return deadline; }
    public void setDeadline(Long deadline) { this.deadline = deadline; }
    public Integer getThresholdDays() { return thresholdDays; }
    public void setThresholdDays(Integer thresholdDays) { this.thresholdDays = thresholdDays; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getClaimedUntil() { return claimedUntil; }
    public void setClaimedUntil(Long claimedUntil) { this.claimedUntil = claimedUntil; }
}
