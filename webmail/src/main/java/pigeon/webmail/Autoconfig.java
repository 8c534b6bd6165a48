package pigeon.webmail;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Thunderbird's autoconfig document ({@code config-v1.1.xml}): the servers a client should use for
 * an address of one of our domains. Thunderbird asks {@code autoconfig.DOMAIN/mail/config-v1.1.xml}
 * and {@code DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml}, with {@code ?emailaddress=}.
 */
final class Autoconfig {
    private final ClientSettings settings;

    Autoconfig(ClientSettings settings) { this.settings = settings; }

    /**
     * The document for {@code domain} (the part after '@' of the address asked about), or the first
     * local domain when the address is missing or not local. Empty when there is no local domain.
     */
    Optional<String> document(Optional<String> emailAddress, List<String> localDomains) {
        if (localDomains.isEmpty()) return Optional.empty();
        String domain = emailAddress.map(a -> a.substring(a.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
                .filter(localDomains::contains).orElse(localDomains.get(0));
        try {
            return Optional.of(render(domain, localDomains));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("autoconfig XML", e);
        }
    }

    private String render(String domain, List<String> domains) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("clientConfig");
        x.writeAttribute("version", "1.1");
        x.writeStartElement("emailProvider");
        x.writeAttribute("id", domain);
        for (String d : domains) element(x, "domain", d);
        element(x, "displayName", "Pigeon mail at " + settings.hostname());
        element(x, "displayShortName", domain);
        for (boolean incoming : new boolean[] {true, false}) {
            for (ClientSettings.Server s : settings.servers()) {
                if (s.service().incoming != incoming) continue;
                x.writeStartElement(incoming ? "incomingServer" : "outgoingServer");
                x.writeAttribute("type", s.service().xml);
                element(x, "hostname", settings.hostname());
                element(x, "port", String.valueOf(s.port()));
                element(x, "socketType", s.socketType().xml);
                // The login name is always the full address (README); passwords as typed (PLAIN/LOGIN).
                element(x, "authentication", "password-cleartext");
                element(x, "username", "%EMAILADDRESS%");
                x.writeEndElement();
            }
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return out.toString();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
