package pigeon.store;

/** The database failed; callers answer with their protocol's temporary error. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
