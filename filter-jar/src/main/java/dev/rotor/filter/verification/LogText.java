package dev.rotor.filter.verification;

/** Makes attacker-supplied text safe for a log line: short, and with control and non-ASCII characters escaped. */
final class LogText {

    private static final int MAX_CHARS = 40;

    private LogText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder escaped = new StringBuilder();
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                escaped.append(c);
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        if (text.length() > MAX_CHARS) {
            escaped.append("...(").append(text.length()).append(" chars)");
        }
        return escaped.toString();
    }
}
