package pigeon.smtp;

import java.io.IOException;
import java.util.Objects;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.ConnectionHandler;
import pigeon.smtp.reply.Replies;
import pigeon.smtp.session.SmtpSession;

/**
 * The SMTP server (RFC 5321) for a {@link pigeon.protocol.net.Listener}: one {@link SmtpSession} per
 * connection, handing each accepted message to the {@link DeliveryTarget}.
 */
public final class SmtpServer implements ConnectionHandler {
    private final SmtpConfig config;
    private final DeliveryTarget target;

    public SmtpServer(SmtpConfig config, DeliveryTarget target) {
        this.config = Objects.requireNonNull(config);
        this.target = Objects.requireNonNull(target);
    }

    @Override public void serve(Connection connection) throws IOException {
        new SmtpSession(config, target, connection).run();
    }

    @Override public void refuse(Connection connection) throws IOException {
        connection.write(Replies.tooManyConnections(config.hostname()).wire());
        connection.flush();
    }
}
