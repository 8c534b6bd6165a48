package pigeon.pop3.command;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses one command line (without its CRLF) into a {@link Pop3Command}. RFC 1939 §3: a keyword
 * of 3 or 4 characters, case-insensitive, then arguments separated by single spaces. Trailing
 * spaces are tolerated (some clients send them), except after PASS, whose argument is the rest
 * of the line: RFC 1939 §7 lets a server treat spaces in the password as part of it. RFC 1939's
 * 40-character limit on arguments is not enforced: user names are addresses, often longer, and
 * the line length limit bounds every argument anyway.
 */
public final class CommandParser {
    private CommandParser() {}

    public static Pop3Command parse(String line) throws CommandSyntaxException {
        int sp = line.indexOf(' ');
        String keyword = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        if (keyword.equals("PASS")) {
            if (sp < 0) throw new CommandSyntaxException("PASS needs a password");
            return new Pop3Command.Pass(line.substring(sp + 1));
        }
        String[] args = arguments(sp < 0 ? "" : line.substring(sp + 1));
        return switch (keyword) {
            case "USER" -> { exactly(keyword, args, 1); yield new Pop3Command.User(args[0]); }
            case "AUTH" -> auth(args);
            case "CAPA" -> { exactly(keyword, args, 0); yield new Pop3Command.Capa(); }
            case "STLS" -> { exactly(keyword, args, 0); yield new Pop3Command.Stls(); }
            case "QUIT" -> { exactly(keyword, args, 0); yield new Pop3Command.Quit(); }
            case "STAT" -> { exactly(keyword, args, 0); yield new Pop3Command.Stat(); }
            case "LIST" -> new Pop3Command.List(optionalNumber(keyword, args));
            case "UIDL" -> new Pop3Command.Uidl(optionalNumber(keyword, args));
            case "RETR" -> { exactly(keyword, args, 1); yield new Pop3Command.Retr(number(args[0])); }
            case "DELE" -> { exactly(keyword, args, 1); yield new Pop3Command.Dele(number(args[0])); }
            case "TOP" -> { exactly(keyword, args, 2); yield new Pop3Command.Top(number(args[0]), number(args[1])); }
            case "RSET" -> { exactly(keyword, args, 0); yield new Pop3Command.Rset(); }
            case "NOOP" -> { exactly(keyword, args, 0); yield new Pop3Command.Noop(); }
            default -> throw new CommandSyntaxException("Unknown command");
        };
    }

    private static String[] arguments(String rest) throws CommandSyntaxException {
        int end = rest.length();
        while (end > 0 && rest.charAt(end - 1) == ' ') end--;
        if (end == 0) return new String[0];
        String[] args = rest.substring(0, end).split(" ", -1);
        for (String a : args) {
            if (a.isEmpty()) throw new CommandSyntaxException("Arguments must be separated by a single space");
            for (int i = 0; i < a.length(); i++) {
                char c = a.charAt(i);
                if (c < 0x21 || c == 0x7F) throw new CommandSyntaxException("Invalid character in argument");
            }
        }
        return args;
    }

    private static void exactly(String keyword, String[] args, int n) throws CommandSyntaxException {
        if (args.length != n)
            throw new CommandSyntaxException(keyword + (n == 0 ? " takes no argument" : n == 1 ? " takes one argument" : " takes " + n + " arguments"));
    }

    private static OptionalInt optionalNumber(String keyword, String[] args) throws CommandSyntaxException {
        if (args.length > 1) throw new CommandSyntaxException(keyword + " takes at most one argument");
        return args.length == 0 ? OptionalInt.empty() : OptionalInt.of(number(args[0]));
    }

    /** A non-negative decimal number; zero is syntactically fine, and no message has it. */
    private static int number(String s) throws CommandSyntaxException {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new CommandSyntaxException("Invalid number");
        return Integer.parseInt(s);
    }

    private static Pop3Command auth(String[] args) throws CommandSyntaxException {
        if (args.length > 2) throw new CommandSyntaxException("AUTH takes a mechanism and an optional initial response");
        if (args.length > 0 && args[0].length() > 20) throw new CommandSyntaxException("Invalid mechanism name");
        return new Pop3Command.Auth(args.length > 0 ? Optional.of(args[0].toUpperCase(Locale.ROOT)) : Optional.empty(),
                args.length > 1 ? Optional.of(args[1]) : Optional.empty());
    }
}
