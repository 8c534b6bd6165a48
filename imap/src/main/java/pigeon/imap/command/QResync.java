package pigeon.imap.command;

import java.util.Objects;
import java.util.Optional;

/**
 * SELECT/EXAMINE's QRESYNC parameter (RFC 7162 §3.2.5): what the client last knew of the mailbox.
 *
 * @param uidValidity the mailbox's UIDVALIDITY the client knew
 * @param modSeq      the last known HIGHESTMODSEQ
 * @param knownUids   the UIDs the client knows (no {@code *}); absent means all
 * @param seqMatch    message sequence numbers and their UIDs, to narrow the VANISHED reply
 */
public record QResync(long uidValidity, long modSeq, Optional<SequenceSet> knownUids, Optional<SeqMatch> seqMatch) {
    /** {@code (known-sequence-set SP known-uid-set)}: the sets pair up in order. */
    public record SeqMatch(SequenceSet sequences, SequenceSet uids) {
        public SeqMatch {
            Objects.requireNonNull(sequences);
            Objects.requireNonNull(uids);
        }
    }

    public QResync {
        Objects.requireNonNull(knownUids);
        Objects.requireNonNull(seqMatch);
    }
}
