/**
 * FETCH responses: {@link pigeon.imap.fetch.FetchResponder} renders the untagged FETCH response of
 * one message from a {@link pigeon.imap.message.MessageView} and the parsed
 * {@link pigeon.imap.command.FetchItem}s, streaming section data from the store
 * (RFC 9051 §6.4.5 and §7.5.2, RFC 3501 §7.4.2, RFC 3516, RFC 7162).
 */
package pigeon.imap.fetch;
