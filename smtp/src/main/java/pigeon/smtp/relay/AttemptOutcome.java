package pigeon.smtp.relay;

import java.util.List;
import pigeon.protocol.delivery.MailAddress;

/**
 * What one delivery attempt of one entry came to: every recipient is either delivered or in
 * {@code failures}, permanent or temporary.
 */
record AttemptOutcome(List<MailAddress> delivered, List<RecipientFailure> failures) {
    AttemptOutcome {
        delivered = List.copyOf(delivered);
        failures = List.copyOf(failures);
    }

    List<RecipientFailure> permanent() { return failures.stream().filter(RecipientFailure::permanent).toList(); }

    List<RecipientFailure> temporary() { return failures.stream().filter(f -> !f.permanent()).toList(); }
}
