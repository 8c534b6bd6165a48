package pigeon.webmail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * HTML mail made safe to show inside our page: jsoup's relaxed safelist (no script, style, form,
 * iframe, object or event-handler attribute survives; links keep only http, https and mailto), then
 * remote images are neutralised unless the reader asked for them. The page's Content-Security-Policy
 * is the second wall: even a tag that slipped through could neither run script nor load anything.
 */
final class HtmlSanitizer {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "http", "https", "cid", "data")
            .preserveRelativeLinks(false);

    /** What came out, and whether any remote image was held back. */
    record Clean(String html, boolean remoteImagesBlocked) {}

    private HtmlSanitizer() {}

    static Clean clean(String html, boolean allowRemoteImages) {
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        boolean blocked = false;
        for (Element img : clean.select("img[src]")) {
            String src = img.attr("src").trim().toLowerCase(java.util.Locale.ROOT);
            boolean remote = src.startsWith("http:") || src.startsWith("https:");
            if (remote && !allowRemoteImages) {
                img.removeAttr("src");
                img.attr("alt", img.attr("alt").isEmpty() ? "[image blocked]" : img.attr("alt") + " [image blocked]");
                blocked = true;
            } else if (!remote && !src.startsWith("data:image/")) {
                img.removeAttr("src");  // cid: and anything else: not shown inline
            }
        }
        for (Element a : clean.select("a[href]")) {
            a.attr("rel", "noopener noreferrer nofollow");
            a.attr("target", "_blank");
        }
        return new Clean(clean.body().html(), blocked);
    }

    /** Plain text of an HTML body, for search and quoting. */
    static String text(String html) { return Jsoup.parse(html).text(); }
}
