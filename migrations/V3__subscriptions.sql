-- Subscriptions are names, not mailboxes (RFC 9051 §6.3.7, RFC 3501 §6.3.6): one may name a
-- mailbox that doesn't exist, and deleting a mailbox leaves its subscription in place (LIST
-- (SUBSCRIBED) then shows it \NonExistent, RFC 5258 §3.1). CREATE no longer subscribes.
CREATE TABLE subscriptions (
    account_id BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (account_id, name)
);

INSERT INTO subscriptions (account_id, name) SELECT account_id, name FROM mailboxes WHERE subscribed;

ALTER TABLE mailboxes DROP COLUMN subscribed;
