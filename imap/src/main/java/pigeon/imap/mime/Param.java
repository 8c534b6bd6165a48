package pigeon.imap.mime;

/**
 * A MIME parameter as BODYSTRUCTURE shows it. {@code name} is upper-cased and has RFC 2231
 * section numbers removed; {@code value} is unquoted and its continuations joined. When
 * {@code extended} is true the parameter was written in RFC 2231 charset'language'%XX form
 * and {@code value} holds the decoded text: RFC 9051 §7.5.2 has it shown as {@code name*};
 * see {@link ImapRenderer} for how it goes to a client that has not enabled UTF-8.
 */
public record Param(String name, String value, boolean extended) {
    public Param {
        if (name == null || value == null) throw new NullPointerException();
    }

    public Param(String name, String value) {
        this(name, value, false);
    }
}
