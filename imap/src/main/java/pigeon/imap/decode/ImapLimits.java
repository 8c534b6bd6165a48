package pigeon.imap.decode;

/**
 * The parser's bounds. Whatever the client sends, a command costs at most about
 * {@code (maxLiterals + 1) × (maxLineLength + maxLiteralSize)} octets of memory; APPEND's message is
 * streamed and never held.
 *
 * @param maxLineLength  octets in one line segment (a command line, or the part of it after a literal),
 *                       CRLF excluded; longer gets {@code BAD Line too long}
 * @param maxLiteralSize octets in a literal other than APPEND's message; larger gets {@code BAD [TOOBIG]}
 *                       and, if synchronising, no continuation
 * @param maxMessageSize octets in APPEND's message literal (the server's message size limit, also the
 *                       APPENDLIMIT one may advertise); larger gets {@code NO [TOOBIG]}
 * @param maxDiscardSize how many octets of a too-large non-synchronising literal ({@code {n+}}) the reader
 *                       will read and throw away to keep the connection in step; above it the error is
 *                       fatal and the session must close the connection (the client is sending the octets
 *                       anyway, and there is no cheaper way to find the next command)
 * @param maxNesting     SEARCH key nesting: each parenthesis, NOT and OR is one level
 * @param maxLiterals    literals in one command, APPEND's message included
 */
public record ImapLimits(int maxLineLength, int maxLiteralSize, long maxMessageSize, long maxDiscardSize, int maxNesting,
                         int maxLiterals) {
    /** 64 KiB lines and literals, 25 MiB messages, 50 MiB discarded, nesting 64, 16 literals. */
    public static final ImapLimits DEFAULTS = new ImapLimits(64 * 1024, 64 * 1024, 25L << 20, 50L << 20, 64, 16);

    public ImapLimits {
        if (maxLineLength < 1024) throw new IllegalArgumentException("imap: max line length must be at least 1024 octets");
        if (maxLiteralSize < 1024) throw new IllegalArgumentException("imap: max literal size must be at least 1024 octets");
        if (maxMessageSize < 1) throw new IllegalArgumentException("imap: max message size must be positive");
        if (maxDiscardSize < 0) throw new IllegalArgumentException("imap: max discard size must not be negative");
        if (maxNesting < 1) throw new IllegalArgumentException("imap: max nesting must be at least 1");
        if (maxLiterals < 1) throw new IllegalArgumentException("imap: max literals must be at least 1");
    }

    /** These limits for a server whose messages may be {@code size} octets; discards up to twice that. */
    public ImapLimits withMaxMessageSize(long size) {
        return new ImapLimits(maxLineLength, maxLiteralSize, size, Math.max(maxDiscardSize, 2 * size), maxNesting, maxLiterals);
    }
}
