package pigeon.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReturnPathTest {
    private static String strip(String s) throws IOException {
        return new String(ReturnPath.strip(new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII))).readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test void dropsOnlyALeadingReturnPath() throws IOException {
        assertEquals("Received: x\r\n\r\nbody\r\n", strip("Return-Path: <a@b.test>\r\nReceived: x\r\n\r\nbody\r\n"));
        assertEquals("Subject: s\r\n", strip("return-path: <>\r\nSubject: s\r\n"));
        assertEquals("Subject: s\r\nReturn-Path: <x@y>\r\n", strip("Subject: s\r\nReturn-Path: <x@y>\r\n"));
        assertEquals("Return", strip("Return"));
        assertEquals("", strip(""));
    }
}
