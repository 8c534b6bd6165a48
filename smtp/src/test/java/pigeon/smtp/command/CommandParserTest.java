package pigeon.smtp.command;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pigeon.protocol.delivery.MailAddress;
import pigeon.smtp.command.SmtpCommand.*;

class CommandParserTest {
    private final CommandParser parser = new CommandParser("mx.example.test");

    private SmtpCommand parse(String line) { return parser.parse(line); }

    private static MailAddress addr(String s) { return MailAddress.parse(s); }

    private void assertProblem(Problem expected, String line) {
        SmtpCommand c = parse(line);
        assertInstanceOf(Invalid.class, c, line);
        assertEquals(expected, ((Invalid) c).problem(), line);
    }

    @Test void heloAndEhlo() {
        assertEquals(new Helo("client.example"), parse("HELO client.example"));
        assertEquals(new Ehlo("client.example"), parse("ehlo client.example"));
        assertEquals(new Ehlo("[127.0.0.1]"), parse("EHLO [127.0.0.1]"));
        assertEquals(new Ehlo("DESKTOP_1"), parse("EHLO DESKTOP_1  "));  // lenient: any single token, trailing space
        assertProblem(Problem.SYNTAX, "EHLO");
        assertProblem(Problem.SYNTAX, "HELO ");
        assertProblem(Problem.SYNTAX, "EHLO two words");
        assertProblem(Problem.SYNTAX, "EHLO x(y)");
    }

    @Test void mailFrom() {
        assertEquals(new Mail(Optional.of(addr("a@b.example")), MailParams.NONE), parse("MAIL FROM:<a@b.example>"));
        assertEquals(new Mail(Optional.of(addr("a@b.example")), MailParams.NONE), parse("mail from:<a@b.example>"));
        assertEquals(new Mail(Optional.empty(), MailParams.NONE), parse("MAIL FROM:<>"));
        // common deviation: a space after the colon
        assertEquals(new Mail(Optional.of(addr("a@b.example")), MailParams.NONE), parse("MAIL FROM: <a@b.example>"));
    }

    @Test void mailParameters() {
        Mail m = (Mail) parse("MAIL FROM:<a@b.example> SIZE=123 BODY=8BITMIME SMTPUTF8");
        assertEquals(new MailParams(OptionalLong.of(123), MailParams.Body.EIGHT_BIT_MIME, true), m.params());
        m = (Mail) parse("MAIL FROM:<> body=7bit size=0");
        assertEquals(new MailParams(OptionalLong.of(0), MailParams.Body.SEVEN_BIT, false), m.params());
        m = (Mail) parse("MAIL FROM:<a@b.example> SIZE=99999999999999999999");
        assertEquals(Long.MAX_VALUE, m.params().size().getAsLong());
        assertFalse(m.params().isEmpty());
        assertTrue(((Mail) parse("MAIL FROM:<a@b.example>")).params().isEmpty());
    }

    /** RFC 4954 §5: AUTH=, xtext-decoded. */
    @Test void mailAuthParameter() {
        assertEquals(Optional.of("<>"), ((Mail) parse("MAIL FROM:<a@b.example> AUTH=<>")).params().auth());
        assertEquals(Optional.of("<a+b@c.example>"), ((Mail) parse("MAIL FROM:<a@b.example> auth=<a+2Bb@c.example>")).params().auth());
        assertEquals(new MailParams(OptionalLong.of(5), MailParams.Body.UNSPECIFIED, false, Optional.of("<>")),
                ((Mail) parse("MAIL FROM:<> SIZE=5 AUTH=<>")).params());
        assertFalse(((Mail) parse("MAIL FROM:<> AUTH=<>")).params().isEmpty());
    }

    /** RFC 4954 §4. */
    @Test void auth() {
        assertEquals(new Auth("PLAIN", Optional.empty()), parse("AUTH PLAIN"));
        assertEquals(new Auth("PLAIN", Optional.of("AGEAYg==")), parse("auth plain AGEAYg=="));
        assertEquals(new Auth("LOGIN", Optional.of("=")), parse("AUTH LOGIN ="));
        assertEquals(new Auth("CRAM-MD5", Optional.empty()), parse("AUTH cram-md5 "));
        assertEquals(new Auth("X_Y-1", Optional.empty()).mechanism(), "X_Y-1");
        assertProblem(Problem.SYNTAX, "AUTH");
        assertProblem(Problem.SYNTAX, "AUTH PLAIN a b");
        assertProblem(Problem.SYNTAX, "AUTH PL@IN");
        assertProblem(Problem.SYNTAX, "AUTH " + "A".repeat(21));
        assertEquals("Auth[PLAIN ***]", parse("AUTH PLAIN AGFsaWNlAHNlY3JldA==").toString(), "never shows the response");
        assertEquals("Auth[LOGIN]", parse("AUTH LOGIN").toString());
    }

    @Test void mailParameterErrors() {
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> AUTH=a@b.example");  // not <...>
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> AUTH=<a+2g@b.example>");  // bad xtext
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> AUTH");
        assertProblem(Problem.UNSUPPORTED_PARAMETER, "MAIL FROM:<a@b.example> RET=HDRS");
        assertProblem(Problem.UNSUPPORTED_PARAMETER, "MAIL FROM:<a@b.example> BODY=BINARYMIME");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> SIZE=abc");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> SIZE=");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> SIZE");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> SIZE=123456789012345678901");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> BODY=9BIT");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> SMTPUTF8=yes");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> SIZE=1 SIZE=2");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> -X=1");
        assertProblem(Problem.BAD_PARAMETER, "MAIL FROM:<a@b.example> X=a=b");
    }

    @Test void mailSyntaxErrors() {
        assertProblem(Problem.SYNTAX, "MAIL");
        assertProblem(Problem.SYNTAX, "MAIL TO:<a@b.example>");
        assertProblem(Problem.SYNTAX, "MAIL FROM:a@b.example");
        assertProblem(Problem.SYNTAX, "MAIL FROM:<a@b.example");
        assertProblem(Problem.SYNTAX, "MAIL FROM:<a@b.example>SIZE=1");
        assertProblem(Problem.BAD_SENDER, "MAIL FROM:<a>");
        assertProblem(Problem.BAD_SENDER, "MAIL FROM:<a@>");
        assertProblem(Problem.BAD_SENDER, "MAIL FROM:<a..b@c.example>");
        assertProblem(Problem.BAD_SENDER, "MAIL FROM:<a b@c.example>");
        assertProblem(Problem.SYNTAX, "MAIL FROM:<" + "a".repeat(250) + "@b.example>");  // RFC 5321 §4.5.3.1.3
    }

    @Test void sourceRoutesAreIgnored() {
        assertEquals(new Mail(Optional.of(addr("a@b.example")), MailParams.NONE), parse("MAIL FROM:<@x.example,@y.example:a@b.example>"));
        assertEquals(new Rcpt(addr("a@b.example")), parse("RCPT TO:<@x.example:a@b.example>"));
        assertEquals(new Rcpt(addr("a@b.example")), parse("RCPT TO:<@[192.0.2.1]:a@b.example>"));
        assertProblem(Problem.BAD_RECIPIENT, "RCPT TO:<@x.example a@b.example>");
        assertProblem(Problem.BAD_RECIPIENT, "RCPT TO:<x.example:a@b.example>");
        assertProblem(Problem.BAD_RECIPIENT, "RCPT TO:<@:a@b.example>");
    }

    @Test void rcptTo() {
        assertEquals(new Rcpt(addr("Jones@XYZ.COM")), parse("RCPT TO:<Jones@XYZ.COM>"));
        assertEquals("xyz.com", ((Rcpt) parse("rcpt to:<Jones@XYZ.COM>")).recipient().domain());
        assertEquals(new Rcpt(addr("a@b.example")), parse("RCPT TO: <a@b.example>"));
        assertEquals(new Rcpt(addr("\"john doe>\"@b.example")), parse("RCPT TO:<\"john doe>\"@b.example>"));
        assertEquals(new Rcpt(addr("jöran@bücher.example")), parse("RCPT TO:<jöran@bücher.example>"));
        // RFC 5321 §4.1.1.3: the bare postmaster, at this server
        assertEquals(new Rcpt(new MailAddress("postmaster", "mx.example.test")), parse("RCPT TO:<Postmaster>"));
        assertEquals(new Rcpt(addr("Postmaster@other.example")), parse("RCPT TO:<Postmaster@other.example>"));
    }

    @Test void rcptErrors() {
        assertProblem(Problem.SYNTAX, "RCPT");
        assertProblem(Problem.SYNTAX, "RCPT FROM:<a@b.example>");
        assertProblem(Problem.SYNTAX, "RCPT TO:a@b.example");
        assertProblem(Problem.BAD_RECIPIENT, "RCPT TO:<>");
        assertProblem(Problem.BAD_RECIPIENT, "RCPT TO:<nobody>");
        assertProblem(Problem.UNSUPPORTED_PARAMETER, "RCPT TO:<a@b.example> NOTIFY=NEVER");
        assertProblem(Problem.BAD_PARAMETER, "RCPT TO:<a@b.example> =x");
    }

    @Test void commandsWithoutArguments() {
        assertEquals(new Data(), parse("DATA"));
        assertEquals(new Data(), parse("data "));
        assertEquals(new Rset(), parse("RSET"));
        assertEquals(new Quit(), parse("Quit"));
        assertEquals(new Noop(), parse("NOOP"));
        assertEquals(new Noop(), parse("NOOP anything at all"));  // RFC 5321 §4.1.1.9
        assertProblem(Problem.SYNTAX, "DATA now");
        assertProblem(Problem.SYNTAX, "RSET please");
        assertProblem(Problem.SYNTAX, "QUIT now");
    }

    @Test void informationCommands() {
        assertEquals(new Vrfy("Smith"), parse("VRFY Smith"));
        assertEquals(new Expn("Example-People"), parse("EXPN Example-People"));
        assertEquals(new Help(""), parse("HELP"));
        assertEquals(new Help("MAIL"), parse("HELP MAIL"));
        assertProblem(Problem.SYNTAX, "VRFY");
        assertProblem(Problem.SYNTAX, "EXPN ");
    }

    /** RFC 3207 §4: STARTTLS takes no parameters (501). */
    @Test void starttls() {
        assertEquals(new StartTls(), parse("STARTTLS"));
        assertEquals(new StartTls(), parse("starttls"));
        assertProblem(Problem.SYNTAX, "STARTTLS now");
    }

    @Test void unknownVerbs() {
        assertEquals(new Unknown("FOO"), parse("foo bar"));
        assertEquals(new Unknown(""), parse(""));
        assertEquals(new Unknown("STARTTLSX"), parse("STARTTLSX"));
        assertEquals(new Unknown("MAILFROM:<A@B>"), parse("MAILFROM:<a@b>"));
        assertEquals(20, ((Unknown) parse("X".repeat(100))).verb().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOOP \uFFFD", "HELO a\u0000b", "MAIL FROM:<a@b.example>\r", "RCPT TO:<a\u001b@b.example>", "NOOP\u007f", "HELO\ta"})
    void controlCharactersAndBadUtf8(String line) {
        assertProblem(Problem.BAD_CHARACTERS, line);
    }
}
