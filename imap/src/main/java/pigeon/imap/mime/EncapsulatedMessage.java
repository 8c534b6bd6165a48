package pigeon.imap.mime;

/** The message inside a MESSAGE/RFC822 part: its envelope and its own body structure. */
public record EncapsulatedMessage(Envelope envelope, MimePart body) {}
