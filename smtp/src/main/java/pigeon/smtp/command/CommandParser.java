package pigeon.smtp.command;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import pigeon.protocol.delivery.MailAddress;
import pigeon.smtp.command.SmtpCommand.*;

/**
 * Turns one command line (without its line ending) into an {@link SmtpCommand}, following the
 * grammar of RFC 5321 §4.1.2. Verbs and parameter keywords are case-insensitive. Strict where a
 * mistake could mean something else, lenient in the two places real clients commonly deviate: a
 * space after {@code FROM:}/{@code TO:}, and trailing white space.
 */
public final class CommandParser {
    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, angle brackets included. */
    private static final int MAX_PATH = 256;
    /** RFC 5321 §4.1.2 esmtp-keyword. */
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    /** RFC 5321 §4.1.2 At-domain: a domain name or an address literal. */
    private static final Pattern AT_DOMAIN = Pattern.compile("@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[^\\[\\]\\\\ ]+])");

    /** RFC 4954 §8 sasl-mech (RFC 4422 §3.1), accepted in either case. */
    private static final Pattern SASL_MECH = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    /** RFC 3461 §4 xtext: printable ASCII but '+' and '=', or '+' and two upper-case hex digits. */
    private static final Pattern XTEXT = Pattern.compile("([!-*,-<>-~]|\\+[0-9A-F]{2})*");

    private final String postmasterDomain;

    /** @param postmasterDomain the domain of the bare {@code <Postmaster>} recipient (RFC 5321 §4.1.1.3) */
    public CommandParser(String postmasterDomain) { this.postmasterDomain = postmasterDomain; }

    public SmtpCommand parse(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            // U+FFFD is what LineReader made of bytes that are not UTF-8.
            if (Character.isISOControl(c) || c == '\uFFFD')
                return new Invalid(Problem.BAD_CHARACTERS, "Invalid characters in command");
        }
        String s = line.stripTrailing();
        int sp = s.indexOf(' ');
        String verb = (sp < 0 ? s : s.substring(0, sp)).toUpperCase(Locale.ROOT);
        String args = sp < 0 ? "" : s.substring(sp + 1);
        return switch (verb) {
            case "HELO" -> hello(args, false);
            case "EHLO" -> hello(args, true);
            case "MAIL" -> mail(args);
            case "RCPT" -> rcpt(args);
            case "DATA" -> args.isEmpty() ? new Data() : syntax("Syntax: DATA (no arguments)");
            case "RSET" -> args.isEmpty() ? new Rset() : syntax("Syntax: RSET (no arguments)");
            case "QUIT" -> args.isEmpty() ? new Quit() : syntax("Syntax: QUIT (no arguments)");
            case "NOOP" -> new Noop();  // RFC 5321 §4.1.1.9: an argument is allowed and ignored
            case "VRFY" -> args.isBlank() ? syntax("Syntax: VRFY address") : new Vrfy(args.strip());
            case "EXPN" -> args.isBlank() ? syntax("Syntax: EXPN list") : new Expn(args.strip());
            case "HELP" -> new Help(args.strip());
            case "AUTH" -> auth(args);
            case "STARTTLS" -> args.isEmpty() ? new StartTls() : syntax("Syntax: STARTTLS (no parameters allowed)");
            default -> new Unknown(verb.length() > 20 ? verb.substring(0, 20) : verb);
        };
    }

    /** RFC 5321 §4.1.1.1: {@code "EHLO" SP ( Domain / address-literal )}. */
    private static SmtpCommand hello(String args, boolean extended) {
        String name = args.strip();
        // RFC 5321 §4.1.4: the name must not be a reason to refuse mail, so any single token is
        // taken; but no parentheses, which would garble the comment in our Received header.
        if (name.isEmpty() || name.contains(" ") || name.indexOf('(') >= 0 || name.indexOf(')') >= 0)
            return syntax(extended ? "Syntax: EHLO hostname" : "Syntax: HELO hostname");
        return extended ? new Ehlo(name) : new Helo(name);
    }

    /**
     * RFC 4954 §4: {@code "AUTH" SP sasl-mech [SP initial-response]}, where sasl-mech is 1 to 20
     * upper-case letters, digits, '-' or '_' (case-insensitive here) and initial-response is base64
     * or "=". Whether the response is valid base64 is for the mechanism to say (501 5.5.2 there).
     */
    private static SmtpCommand auth(String args) {
        String[] words = args.strip().split(" +", -1);
        if (words.length > 2 || !SASL_MECH.matcher(words[0]).matches()) return syntax("Syntax: AUTH mechanism [initial-response]");
        Optional<String> response = words.length == 2 ? Optional.of(words[1]) : Optional.empty();
        return new Auth(words[0].toUpperCase(Locale.ROOT), response);
    }

    /** RFC 5321 §4.1.1.2: {@code "MAIL FROM:" Reverse-path [SP Mail-parameters]}. */
    private SmtpCommand mail(String args) {
        String usage = "Syntax: MAIL FROM:<address>";
        if (!args.regionMatches(true, 0, "FROM:", 0, 5)) return syntax(usage);
        String rest = args.substring(5).stripLeading();  // "MAIL FROM: <a@b>" is common, and harmless
        int end = closingBracket(rest);
        if (end < 0) return syntax(usage);
        String inner = rest.substring(1, end);
        Optional<MailAddress> sender = Optional.empty();
        if (!inner.isEmpty()) {
            MailAddress a = mailbox(inner);
            if (a == null) return new Invalid(Problem.BAD_SENDER, "Bad sender address syntax");
            sender = Optional.of(a);
        }
        String after = rest.substring(end + 1);
        if (!after.isEmpty() && !after.startsWith(" ")) return syntax(usage);
        Map<String, String> params = new LinkedHashMap<>();
        Invalid bad = esmtpParams(after.strip(), params);
        return bad != null ? bad : mailParams(sender, params);
    }

    /** RFC 5321 §4.1.1.3: {@code "RCPT TO:" ( "<Postmaster@" Domain ">" / "<Postmaster>" / Forward-path ) [SP Rcpt-parameters]}. */
    private SmtpCommand rcpt(String args) {
        String usage = "Syntax: RCPT TO:<address>";
        if (!args.regionMatches(true, 0, "TO:", 0, 3)) return syntax(usage);
        String rest = args.substring(3).stripLeading();
        int end = closingBracket(rest);
        if (end < 0) return syntax(usage);
        String inner = rest.substring(1, end);
        MailAddress rcpt = inner.equalsIgnoreCase("postmaster") ? new MailAddress("postmaster", postmasterDomain) : mailbox(inner);
        if (rcpt == null) return new Invalid(Problem.BAD_RECIPIENT, "Bad recipient address syntax");
        String after = rest.substring(end + 1);
        if (!after.isEmpty() && !after.startsWith(" ")) return syntax(usage);
        Map<String, String> params = new LinkedHashMap<>();
        Invalid bad = esmtpParams(after.strip(), params);
        if (bad != null) return bad;
        if (!params.isEmpty())
            return new Invalid(Problem.UNSUPPORTED_PARAMETER, "Unsupported parameter " + params.keySet().iterator().next());
        return new Rcpt(rcpt);
    }

    /** The MAIL parameters this server supports: SIZE, BODY, SMTPUTF8 and AUTH. */
    private static SmtpCommand mailParams(Optional<MailAddress> sender, Map<String, String> params) {
        OptionalLong size = OptionalLong.empty();
        MailParams.Body body = MailParams.Body.UNSPECIFIED;
        boolean utf8 = false;
        Optional<String> auth = Optional.empty();
        for (Map.Entry<String, String> p : params.entrySet()) {
            String v = p.getValue();
            switch (p.getKey()) {
                case "SIZE" -> {  // RFC 1870 §6: size-value ::= 1*20DIGIT
                    if (v == null || !v.matches("[0-9]{1,20}")) return badParam("Bad SIZE value");
                    size = OptionalLong.of(v.length() > 18 ? Long.MAX_VALUE : Long.parseLong(v));
                }
                case "BODY" -> {  // RFC 6152 §2; BINARYMIME needs CHUNKING, which we do not offer
                    String b = v == null ? "" : v.toUpperCase(Locale.ROOT);
                    if (b.equals("7BIT")) body = MailParams.Body.SEVEN_BIT;
                    else if (b.equals("8BITMIME")) body = MailParams.Body.EIGHT_BIT_MIME;
                    else if (b.equals("BINARYMIME")) return new Invalid(Problem.UNSUPPORTED_PARAMETER, "BODY=BINARYMIME is not supported");
                    else return badParam("Bad BODY value");
                }
                case "SMTPUTF8" -> {  // RFC 6531 §3.4: no value
                    if (v != null) return badParam("SMTPUTF8 takes no value");
                    utf8 = true;
                }
                case "AUTH" -> {  // RFC 4954 §5: AUTH=<mailbox> or AUTH=<>, xtext-encoded
                    String decoded = v == null || !XTEXT.matcher(v).matches() ? null : xtext(v);
                    if (decoded == null || !decoded.startsWith("<") || !decoded.endsWith(">")) return badParam("Bad AUTH value");
                    auth = Optional.of(decoded);
                }
                default -> { return new Invalid(Problem.UNSUPPORTED_PARAMETER, "Unsupported parameter " + p.getKey()); }
            }
        }
        return new Mail(sender, new MailParams(size, body, utf8, auth));
    }

    /** RFC 3461 §4: decodes checked xtext ("+2B" is '+'). */
    private static String xtext(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '+') {
                b.append((char) Integer.parseInt(v.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Invalid badParam(String detail) { return new Invalid(Problem.BAD_PARAMETER, detail); }

    /**
     * RFC 5321 §4.1.2 {@code esmtp-param *(SP esmtp-param)}, into {@code out} keyed by upper-case
     * keyword (value null when absent); answers the problem, or null.
     */
    private static Invalid esmtpParams(String s, Map<String, String> out) {
        if (s.isEmpty()) return null;
        for (String p : s.split(" +")) {
            int eq = p.indexOf('=');
            String keyword = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? null : p.substring(eq + 1);
            if (!KEYWORD.matcher(keyword).matches()) return new Invalid(Problem.BAD_PARAMETER, "Bad parameter syntax");
            // esmtp-value: any CHAR but "=", SP and controls; RFC 6531 §3.3 adds UTF-8.
            if (value != null && (value.isEmpty() || value.indexOf('=') >= 0))
                return new Invalid(Problem.BAD_PARAMETER, "Bad parameter syntax");
            String key = keyword.toUpperCase(Locale.ROOT);
            if (out.containsKey(key)) return new Invalid(Problem.BAD_PARAMETER, "Duplicate parameter " + key);
            out.put(key, value);
        }
        return null;
    }

    /**
     * Where the path that {@code s} starts with ends: the index of its closing '>', skipping any
     * '>' inside a quoted local part; -1 if {@code s} does not start with a whole path.
     */
    private static int closingBracket(String s) {
        if (!s.startsWith("<")) return -1;
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (c == '>' && !quoted) return s.substring(0, i + 1).getBytes(StandardCharsets.UTF_8).length <= MAX_PATH ? i : -1;
        }
        return -1;
    }

    /**
     * RFC 5321 §4.1.2 {@code [ A-d-l ":" ] Mailbox}: a source route is checked and then ignored, as
     * §3.6.1 and Appendix C allow; null if it does not parse.
     */
    private static MailAddress mailbox(String inner) {
        if (inner.startsWith("@")) {
            int colon = inner.indexOf(':');
            if (colon < 0) return null;
            for (String hop : inner.substring(0, colon).split(",", -1))
                if (!AT_DOMAIN.matcher(hop).matches()) return null;
            inner = inner.substring(colon + 1);
        }
        try {
            return MailAddress.parse(inner);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Invalid syntax(String detail) { return new Invalid(Problem.SYNTAX, detail); }
}
