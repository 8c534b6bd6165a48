package pigeon.webmail;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** What survives of hostile HTML mail. */
class HtmlSanitizerTest {
    private static final String HOSTILE = """
            <html><head><style>body{background:url(http://t.example/css)}</style><base href="http://evil.example/"></head>
            <body onload="steal()"><p style="color:red">Hello <b>you</b></p>
            <script>document.cookie</script>
            <img src="http://tracker.example/pixel.gif" onerror="alert(1)" alt="logo">
            <img src="data:image/png;base64,iVBORw0KGgo=">
            <a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt:alert(2)">js2</a> <a href="https://ok.example/">ok</a>
            <iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name="p"></form>
            <object data="x.swf"></object><svg onload="alert(3)"></svg><meta http-equiv="refresh" content="0;url=http://evil.example/">
            </body></html>""";

    @Test void scriptsHandlersFormsFramesAndJavascriptLinksAreGone() {
        String html = HtmlSanitizer.clean(HOSTILE, false).html().toLowerCase();
        for (String bad : new String[] {"<script", "onerror", "onload", "javascript:", "<iframe", "<form", "<input", "<object", "<svg",
                "<style", "<base", "<meta", "style=", "evil.example", "steal"})
            assertFalse(html.contains(bad), bad + " survived: " + html);
        assertTrue(html.contains("<b>you</b>"));
        assertTrue(html.contains("href=\"https://ok.example/\""));
        assertTrue(html.contains("rel=\"noopener noreferrer nofollow\""));
    }

    @Test void remoteImagesAreBlockedUntilAsked() {
        HtmlSanitizer.Clean blocked = HtmlSanitizer.clean(HOSTILE, false);
        assertTrue(blocked.remoteImagesBlocked());
        assertFalse(blocked.html().contains("tracker.example"));
        assertTrue(blocked.html().contains("[image blocked]"));
        assertTrue(blocked.html().contains("data:image/png"), "inline data images stay");
        HtmlSanitizer.Clean shown = HtmlSanitizer.clean(HOSTILE, true);
        assertTrue(shown.html().contains("src=\"http://tracker.example/pixel.gif\""));
        assertFalse(shown.html().contains("onerror"));
        assertFalse(HtmlSanitizer.clean("<p>no images</p>", false).remoteImagesBlocked());
    }

    @Test void dispositionNamesAreSafe() {
        assertEquals("attachment; filename=\"evil_.html\"; filename*=UTF-8''evil%22.html", Disposition.attachment("../../evil\".html"));
        assertEquals("attachment; filename=\"ab\"; filename*=UTF-8''ab", Disposition.attachment("a\r\nb"), "control characters dropped");
        assertFalse(Disposition.attachment("a\r\nSet-Cookie: x").contains("\n"));
        assertEquals("download", Disposition.safeName("..."));
        assertEquals("R_sum_.pdf", Disposition.attachment("Résumé.pdf").split("\"")[1]);
    }
}
