package io.telephonyhook.deliverypage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writing HTML safely: every value that came from a caller, Okta or Twilio goes through {@link #text}. */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Markup written as is: only ever a constant of this package. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped for an element's content or a quoted attribute. */
    Html text(Object value) {
        String text = String.valueOf(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return this;
    }

    Html time(Instant at) {
        return raw("<time datetime=\"").text(at.toString()).raw("\">").text(TIME.format(at)).raw("</time>");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
