package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.http.Html;
import dev.rotor.issuer.http.MessagePage;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagesTest {

    private static final String HOSTILE = "\"><script>alert('x')</script>&amp;";
    private static final String TOKEN = "tok_en-123";

    @Test
    void escapeCoversEveryHtmlSpecialCharacter() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&</a>"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void usernameAndNextAreEscapedInTheLoginPage() {
        String html = new LoginPage(TOKEN, "/app?a=1&b=\"2\"", HOSTILE, LoginPage.FAILED).render();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("'x'"), html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;\""));
        assertTrue(html.contains("name=\"next\" value=\"/app?a=1&amp;b=&quot;2&quot;\""));
    }

    @Test
    void failedLoginShowsExactlyOneAlert() {
        String html = new LoginPage(TOKEN, "", "alice", LoginPage.FAILED).render();
        assertEquals(1, count(html, "role=\"alert\""));
        assertTrue(html.contains(LoginPage.FAILED));
        assertTrue(html.contains("aria-describedby=\"login-error\""));
    }

    @Test
    void blankLoginPageHasNoAlertAndNoNextField() {
        String html = LoginPage.blank(TOKEN, "").render();
        assertEquals(0, count(html, "role=\"alert\""));
        assertFalse(html.contains("name=\"next\""));
    }

    @Test
    void everyInputHasALabelAndTheFormPostsTheCsrfToken() {
        String html = LoginPage.blank(TOKEN, "/account").render();
        Matcher ids = Pattern.compile("<input id=\"([a-z]+)\"").matcher(html);
        int inputs = 0;
        while (ids.find()) {
            inputs++;
            assertTrue(html.contains("<label for=\"" + ids.group(1) + "\">"), ids.group(1));
        }
        assertEquals(2, inputs);
        assertTrue(html.contains("<form method=\"post\" action=\"/login\">"));
        assertTrue(html.contains("name=\"csrf\" value=\"" + TOKEN + "\""));
        assertTrue(html.contains("<html lang=\"en\">"));
    }

    @Test
    void pagesHaveNoInlineScriptOrStyleAndNoExternalAssets() {
        for (String html : new String[]{LoginPage.blank(TOKEN, "").render(), new AccountPage(TOKEN, "alice").render(),
                new AccountPage(TOKEN, null).render(), new MessagePage("t", "m").render()}) {
            assertFalse(html.contains("<style"), html);
            assertFalse(html.contains(" style="), html);
            assertFalse(html.contains(" on"), html);
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("http:") || html.contains("https:") || html.contains("//"), html);
        }
    }

    @Test
    void accountPageEscapesTheTokenAndOffersLogoutWithIt() {
        String html = new AccountPage(HOSTILE, "alice").render();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<form id=\"logout\" method=\"post\" action=\"/logout\">"));
        assertEquals(2, count(html, Html.escape(HOSTILE)));
    }

    @Test
    void accountPageShowsTheSubjectEscaped() {
        String html = new AccountPage(TOKEN, HOSTILE).render();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<strong id=\"who\">" + Html.escape(HOSTILE) + "</strong>"), html);
    }

    @Test
    void signedOutAccountPageLinksToLogin() {
        String html = new AccountPage(TOKEN, null).render();
        assertTrue(html.contains("<a href=\"/login\">"));
        assertFalse(html.contains("id=\"logout\""));
    }

    @Test
    void messagePageEscapesItsText() {
        String html = new MessagePage(HOSTILE, HOSTILE).render();
        assertFalse(html.contains("<script>"), html);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
