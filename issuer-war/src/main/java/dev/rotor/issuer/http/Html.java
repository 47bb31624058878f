package dev.rotor.issuer.http;

/** Escapes text for HTML element content and quoted attribute values, and wraps a page in the common layout. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> escaped.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> String.valueOf((char) c);
        }));
        return escaped.toString();
    }

    /**
     * A complete page: our style sheet, no inline script or style (the CSP forbids both).
     *
     * @param title plain text, escaped here
     * @param head  extra markup for {@code <head>}, already escaped
     * @param main  the content of {@code <main>}, already escaped
     */
    public static String document(String title, String head, String main) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/login/style.css">
                %s</head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), head, main);
    }
}
