package io.github.kcpat.personaltokens.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One personal token. The secret itself is never stored, only its digest. A row exists exactly
 * as long as the token has not been revoked: revocation deletes it.
 */
@Entity
@Table(name = "KCPAT_PERSONAL_TOKEN")
@NamedQueries({
    @NamedQuery(name = "kcpat.byDigest",
            query = "select t from PersonalTokenEntity t where t.digest = :digest"),
    @NamedQuery(name = "kcpat.byId",
            query = "select t from PersonalTokenEntity t where t.realmId = :realmId and t.id = :id"),
    @NamedQuery(name = "kcpat.byUser",
            query = "select t from PersonalTokenEntity t where t.realmId = :realmId and t.userId = :userId"
                    + " order by t.createdAt desc, t.id"),
    @NamedQuery(name = "kcpat.realmAfterId",
            query = "select t from PersonalTokenEntity t where t.realmId = :realmId and t.id > :afterId order by t.id"),
    @NamedQuery(name = "kcpat.realmsWithTokens",
            query = "select distinct t.realmId from PersonalTokenEntity t"),
    @NamedQuery(name = "kcpat.countByUser",
            query = "select count(t) from PersonalTokenEntity t where t.realmId = :realmId and t.userId = :userId"),
    @NamedQuery(name = "kcpat.byUserAndName",
            query = "select t from PersonalTokenEntity t where t.realmId = :realmId and t.userId = :userId and t.name = :name"),
    @NamedQuery(name = "kcpat.deleteById",
            query = "delete from PersonalTokenEntity t where t.id = :id"),
    @NamedQuery(name = "kcpat.deleteByUser",
            query = "delete from PersonalTokenEntity t where t.realmId = :realmId and t.userId = :userId"),
    @NamedQuery(name = "kcpat.deleteByRealm",
            query = "delete from PersonalTokenEntity t where t.realmId = :realmId"),
    @NamedQuery(name = "kcpat.expired",
            query = "select t from PersonalTokenEntity t where t.expiresAt is not null and t.expiresAt <= :now"),
    @NamedQuery(name = "kcpat.expiringWithin",
            query = "select t from PersonalTokenEntity t where t.realmId = :realmId and t.expiresAt is not null"
                    + " and t.expiresAt > :now and t.expiresAt <= :until"
                    + " and (t.expiryNoticeDays is null or t.expiryNoticeDays > :smallest) order by t.expiresAt"),
    @NamedQuery(name = "kcpat.inactiveSince",
            query = "select t from PersonalTokenEntity t where t.realmId = :realmId and t.createdAt <= :cutoff"
                    + " and (t.lastUsedAt is null or t.lastUsedAt <= :cutoff) and (t.rotatedAt is null or t.rotatedAt <= :cutoff)"
                    + " and (t.idleNoticeDays is null or t.idleNoticeDays > :smallest) order by t.createdAt"),
    @NamedQuery(name = "kcpat.markExpiryNotice",
            query = "update PersonalTokenEntity t set t.expiryNoticeDays = :days"
                    + " where t.id = :id and (t.expiryNoticeDays is null or t.expiryNoticeDays > :days)"),
    @NamedQuery(name = "kcpat.markIdleNotice",
            query = "update PersonalTokenEntity t set t.idleNoticeDays = :days"
                    + " where t.id = :id and (t.idleNoticeDays is null or t.idleNoticeDays > :days)"),
    @NamedQuery(name = "kcpat.touch",
            query = "update PersonalTokenEntity t set t.lastUsedAt = :now, t.lastUsedIp = :ip, t.idleNoticeDays = null"
                    + " where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :threshold)"),
})
public class PersonalTokenEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "NAME", length = 400, nullable = false)
    private String name;

    @Column(name = "ROLE_NAME", length = 255, nullable = false)
    private String role;

    /** Space-separated scopes the token was created with; the exchange uses the live policy. */
    @Column(name = "SCOPES", length = 4000)
    private String scopes;

    @Column(name = "DIGEST", length = 64, nullable = false, unique = true)
    private String digest;

    @Column(name = "HINT", length = 64, nullable = false)
    private String hint;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "ASSIGNED_BY", length = 255)
    private String assignedBy;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    @Column(name = "LAST_USED_IP", length = 64)
    private String lastUsedIp;

    @Column(name = "SESSION_ID", length = 36, nullable = false)
    private String sessionId;

    /** The CIDRs as given, one per line; null or empty means anywhere. */
    @Column(name = "ALLOWED_NETWORKS", length = 2000)
    private String allowedNetworks;

    @Column(name = "ROTATED_AT")
    private Long rotatedAt;

    /** The smallest expiry-notice threshold (in days) already queued, so each is sent once. */
    @Column(name = "EXPIRY_NOTICE_DAYS")
    private Integer expiryNoticeDays;

    /** The same for the inactivity deadline; a recorded use resets it, as the deadline moves. */
    @Column(name = "IDLE_NOTICE_DAYS")
    private Integer idleNoticeDays;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getScopes() { return scopes; }
    public void setScopes(String scopes) { this.scopes = scopes; }
    public String getDigest() { return digest; }
    public void setDigest(String digest) { this.digest = digest; }
    public String getHint() { return hint; }
    public void setHint(String hint) { this.hint = hint; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getAssignedBy() { return assignedBy; }
    public void setAssignedBy(String assignedBy) { this.assignedBy = assignedBy; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public Long getLastUsedAt() { return lastUsedAt; }
    public void setLastUsedAt(Long lastUsedAt) { this.lastUsedAt = lastUsedAt; }
    public String getLastUsedIp() { return lastUsedIp; }
    public void setLastUsedIp(String lastUsedIp) { this.lastUsedIp = lastUsedIp; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getAllowedNetworks() { return allowedNetworks; }
    public void setAllowedNetworks(String allowedNetworks) { this.allowedNetworks = allowedNetworks; }
    public Long getRotatedAt() { return rotatedAt; }
    public void setRotatedAt(Long rotatedAt) { this.rotatedAt = rotatedAt; }
    public Integer getExpiryNoticeDays() { return expiryNoticeDays; }
    public void setExpiryNoticeDays(Integer expiryNoticeDays) { this.expiryNoticeDays = expiryNoticeDays; }
    public Integer getIdleNoticeDays() { return idleNoticeDays; }
    public void setIdleNoticeDays(Integer idleNoticeDays) { this.idleNoticeDays = idleNoticeDays; }
}
