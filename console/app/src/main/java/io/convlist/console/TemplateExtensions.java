package io.convlist.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Formatting used by the templates. */
@TemplateExtension
public class TemplateExtensions {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Epoch milliseconds as a UTC date and time. */
    static String utcMillis(long millis) {
        return millis <= 0 ? "" : UTC.format(Instant.ofEpochMilli(millis));
    }

    /** Epoch seconds as a UTC date and time. */
    static String utcSeconds(long seconds) {
        return seconds <= 0 ? "" : UTC.format(Instant.ofEpochSecond(seconds));
    }
}
