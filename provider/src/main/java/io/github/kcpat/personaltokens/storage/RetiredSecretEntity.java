package io.github.kcpat.personaltokens.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The digest of a secret that rotation replaced. Kept until the token's own expiry, so that a
 * leaked old copy presented again is recognised as reuse rather than as an unknown token.
 */
@Entity
@Table(name = "KCPAT_RETIRED_SECRET")
@NamedQueries({
    @NamedQuery(name = "kcpat.retired.deleteByToken",
            query = "delete from RetiredSecretEntity r where r.tokenId = :tokenId"),
    @NamedQuery(name = "kcpat.retired.deleteByRealm",
            query = "delete from RetiredSecretEntity r where r.realmId = :realmId"),
    @NamedQuery(name = "kcpat.retired.deleteByUser",
            query = "delete from RetiredSecretEntity r where r.realmId = :realmId and r.tokenId in"
                    + " (select t.id from PersonalTokenEntity t where t.realmId = :realmId and t.userId = :userId)"),
    @NamedQuery(name = "kcpat.retired.deleteOutdated",
            query = "delete from RetiredSecretEntity r where r.keepUntil <= :now"),
})
public class RetiredSecretEntity {

    @Id
    @Column(name = "DIGEST", length = 64)
    private String digest;

    @Column(name = "TOKEN_ID", length = 36, nullable = false)
    private String tokenId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "RETIRED_AT", nullable = false)
    private long retiredAt;

    @Column(name = "KEEP_UNTIL", nullable = false)
    private long keepUntil;

    public String getDigest() { return digest; }
    public void setDigest(String digest) { this.digest = digest; }
    public String getTokenId() { return tokenId; }
    public void setTokenId(String tokenId) { this.tokenId = tokenId; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public long getRetiredAt() { return retiredAt; }
    public void setRetiredAt(long retiredAt) { this.retiredAt = retiredAt; }
    public long getKeepUntil() { return keepUntil; }
    public void setKeepUntil(long keepUntil) { this.keepUntil = keepUntil; }
}
