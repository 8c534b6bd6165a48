package pigeon.pop3.session;

/** A command the session refuses; the message is sent to the client after "-ERR ". */
final class Refused extends Exception {
    Refused(String message) { super(message, null, false, false); }
}
