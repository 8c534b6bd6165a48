package pigeon.smtp.dkim;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A domain's DKIM signing key.
 *
 * @param domain   the signing domain (d=), in lower-case ASCII (A-labels for IDNs)
 * @param selector the selector (s=)
 */
public record DkimKey(String domain, String selector, PrivateKey privateKey, PublicKey publicKey) {
    /** The TXT record to publish for this key (RFC 6376 §3.6.1). */
    public DnsRecord dnsRecord() {
        return new DnsRecord(selector + "._domainkey." + domain,
                "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }

    /** Never shows the private key (records print their components). */
    @Override public String toString() { return "DkimKey[" + selector + "._domainkey." + domain + "]"; }
}
