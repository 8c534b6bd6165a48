-- What IMAP needs beyond delivery and POP3. Portable SQL: H2 and PostgreSQL run it unchanged;
-- ${varbinary} is a Flyway placeholder for small binary values (VARBINARY on H2, BYTEA on PostgreSQL).

-- The MessageAnalyzer's opaque description of a message (ENVELOPE, BODYSTRUCTURE, part offsets),
-- made once at delivery; NULL for messages stored before, or when the analyzer failed.
ALTER TABLE messages ADD COLUMN description ${varbinary};

-- UIDs expunged from a mailbox and the MODSEQ of the expunge, for QRESYNC's VANISHED (RFC 7162 §3.2.10).
-- UIDs are never reused within a mailbox, so (mailbox_id, uid) is unique.
CREATE TABLE expunged_uids (
    mailbox_id BIGINT NOT NULL REFERENCES mailboxes (id) ON DELETE CASCADE,
    uid        BIGINT NOT NULL,
    modseq     BIGINT NOT NULL,
    PRIMARY KEY (mailbox_id, uid)
);
CREATE INDEX expunged_uids_modseq ON expunged_uids (mailbox_id, modseq);

-- CONDSTORE's CHANGEDSINCE and SEARCH MODSEQ (RFC 7162 §3.1.4, §3.1.5).
CREATE INDEX mailbox_messages_modseq ON mailbox_messages (mailbox_id, modseq);

-- The last UIDVALIDITY handed out, across all mailboxes: a deleted mailbox no longer counts in
-- MAX(mailboxes.uid_validity), and a mailbox recreated under its old name must never get its old
-- UIDVALIDITY back (RFC 9051 §2.3.1.1). One row.
CREATE TABLE uid_validity_counter (
    highest BIGINT NOT NULL
);
INSERT INTO uid_validity_counter (highest) SELECT COALESCE(MAX(uid_validity), 0) FROM mailboxes;
