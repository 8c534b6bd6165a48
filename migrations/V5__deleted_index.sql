-- EXPUNGE looks for a mailbox's entries with \Deleted: with this index it reads those alone, not every
-- entry of the mailbox.
CREATE INDEX mailbox_messages_deleted ON mailbox_messages (mailbox_id, deleted, uid);
