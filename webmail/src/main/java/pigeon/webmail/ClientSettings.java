package pigeon.webmail;

import java.util.List;

/**
 * What a mail client needs to know to connect, as published by autoconfig: the server's name and,
 * per service, its port and how the connection is secured.
 */
public record ClientSettings(String hostname, List<Server> servers) {
    /** Thunderbird's socketType values (config-v1.1.xml). */
    public enum SocketType {
        PLAIN("plain"), STARTTLS("STARTTLS"), SSL("SSL");

        final String xml;

        SocketType(String xml) { this.xml = xml; }
    }

    /** The services autoconfig describes, as Thunderbird names them. */
    public enum Service {
        IMAP("imap", true), POP3("pop3", true), SMTP("smtp", false);

        final String xml;
        final boolean incoming;

        Service(String xml, boolean incoming) {
            this.xml = xml;
            this.incoming = incoming;
        }
    }

    public record Server(Service service, int port, SocketType socketType) {}

    public ClientSettings { servers = List.copyOf(servers); }
}
