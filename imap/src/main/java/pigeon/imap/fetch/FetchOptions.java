package pigeon.imap.fetch;

/**
 * How one FETCH response is to be written for the session at hand.
 *
 * @param utf8      UTF8=ACCEPT is enabled: quoted strings (ENVELOPE, BODYSTRUCTURE) may hold UTF-8
 *                  (RFC 9051 §4.3, RFC 6855 §3). IMAP4rev2 implies it, see {@link #utf8Strings()}.
 * @param addUid    the command is UID FETCH or UID STORE: UID must be in the response even when not
 *                  asked for (RFC 9051 §6.4.9), and it is put first, as Dovecot does
 * @param addModSeq CONDSTORE is enabled and MODSEQ must be in the response (RFC 7162 §3.1.4.1 for
 *                  CHANGEDSINCE, §3.2.4 for UID FETCH with QRESYNC, §3.1.3 for STORE)
 * @param rev2      IMAP4rev2 is enabled (RFC 9051); today this only implies {@code utf8}
 * @param addFlags  FLAGS must be in the response even when not asked for: this fetch set \Seen
 *                  implicitly and the flags changed (RFC 9051 §6.4.5: "if this causes the flags to
 *                  change, they SHOULD be included as part of the FETCH responses")
 */
public record FetchOptions(boolean utf8, boolean addUid, boolean addModSeq, boolean rev2, boolean addFlags) {
    /** An IMAP4rev1 session without UTF8=ACCEPT, plain FETCH. */
    public static final FetchOptions REV1 = new FetchOptions(false, false, false, false, false);
    /** An IMAP4rev2 session, plain FETCH. */
    public static final FetchOptions REV2 = new FetchOptions(true, false, false, true, false);

    /** True when quoted strings may carry UTF-8: UTF8=ACCEPT or IMAP4rev2. */
    public boolean utf8Strings() {
        return utf8 || rev2;
    }

    public FetchOptions withUtf8(boolean on) {
        return new FetchOptions(on, addUid, addModSeq, rev2, addFlags);
    }

    /** For UID FETCH and UID STORE. */
    public FetchOptions withUid(boolean on) {
        return new FetchOptions(utf8, on, addModSeq, rev2, addFlags);
    }

    public FetchOptions withModSeq(boolean on) {
        return new FetchOptions(utf8, addUid, on, rev2, addFlags);
    }

    /** For a message whose flags this fetch changed (\Seen set implicitly). */
    public FetchOptions withFlags(boolean on) {
        return new FetchOptions(utf8, addUid, addModSeq, rev2, on);
    }
}
