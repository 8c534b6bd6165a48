-- A mailbox entry carries its message's size and internal date (both fixed when the message is
-- stored), so that listing a mailbox's entries (IMAP SELECT, EXPUNGE's view, POP3's maildrop) reads
-- mailbox_messages alone instead of looking up every message row as well.
ALTER TABLE mailbox_messages ADD COLUMN size BIGINT;
ALTER TABLE mailbox_messages ADD COLUMN internal_date TIMESTAMP WITH TIME ZONE;
UPDATE mailbox_messages SET
    size = (SELECT m.size FROM messages m WHERE m.id = mailbox_messages.message_id),
    internal_date = (SELECT m.internal_date FROM messages m WHERE m.id = mailbox_messages.message_id);
ALTER TABLE mailbox_messages ALTER COLUMN size SET NOT NULL;
ALTER TABLE mailbox_messages ALTER COLUMN internal_date SET NOT NULL;
