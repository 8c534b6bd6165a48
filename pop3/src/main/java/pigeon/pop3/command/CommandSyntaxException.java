package pigeon.pop3.command;

/** A line that is not a valid command; the message is fit to send to the client after "-ERR ". */
public final class CommandSyntaxException extends Exception {
    public CommandSyntaxException(String message) { super(message, null, false, false); }
}
