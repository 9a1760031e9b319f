package io.convlist.console;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    /** Conversation marks by name: STAR, UNREAD, FOLD, HIDE, and custom bits as 1<<n. */
    static String markNames(long marks) {
        List<String> names = new ArrayList<>();
        String[] standard = {"STAR", "UNREAD", "FOLD", "HIDE"};
        for (int n = 0; n < 64; n++) {
            if ((marks & (1L << n)) != 0) {
                names.add(n < standard.length ? standard[n] : "1<<" + n);
            }
        }
        return String.join(", ", names);
    }

    /** markList (each set bit as a number) by name. */
    static String markListNames(List<BigInteger> markList) {
        long bits = 0;
        for (BigInteger bit : markList) {
            bits |= bit.longValue();
        }
        return markNames(bits);
    }

    static String commaList(List<String> values) {
        return String.join(", ", values);
    }

    /** Custom data as text if it is printable UTF-8, else as hex. */
    static String dataText(byte[] data) {
        if (data.length == 0) {
            return "";
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
            if (text.codePoints().noneMatch(Character::isISOControl)) {
                return "\"" + text + "\"";
            }
        } catch (CharacterCodingException notText) {
            // shown as hex below
        }
        return "0x" + HexFormat.of().formatHex(data);
    }
}
