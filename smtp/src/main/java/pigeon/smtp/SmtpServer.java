package pigeon.smtp;

import java.io.IOException;
import java.util.Objects;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.ConnectionHandler;
import pigeon.protocol.sasl.Authenticator;
import pigeon.smtp.reply.Replies;
import pigeon.smtp.session.SmtpSession;

/**
 * The SMTP server (RFC 5321) for a {@link pigeon.protocol.net.Listener}: one {@link SmtpSession} per
 * connection, handing each accepted message to the {@link DeliveryTarget}. AUTH (RFC 4954) checks
 * passwords with the {@link Authenticator}; {@link SmtpConfig#authRequired()} makes the listener a
 * submission port (RFC 6409), where MAIL needs AUTH first.
 */
public final class SmtpServer implements ConnectionHandler {
    private final SmtpConfig config;
    private final DeliveryTarget target;
    private final Authenticator authenticator;

    public SmtpServer(SmtpConfig config, DeliveryTarget target, Authenticator authenticator) {
        this.config = Objects.requireNonNull(config);
        this.target = Objects.requireNonNull(target);
        this.authenticator = Objects.requireNonNull(authenticator);
    }

    @Override public void serve(Connection connection) throws IOException {
        new SmtpSession(config, target, authenticator, connection).run();
    }

    @Override public void refuse(Connection connection) throws IOException {
        connection.write(Replies.tooManyConnections(config.hostname()).wire());
        connection.flush();
    }
}
