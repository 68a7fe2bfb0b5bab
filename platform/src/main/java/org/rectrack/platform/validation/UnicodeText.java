package org.rectrack.platform.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Finds what makes text not Unicode: bytes that are no UTF-8 (RFC 3629: also overlong forms and encoded
 * surrogates) and, in a Java string, a UTF-16 surrogate without its other half (which JSON's {@code \ud800}
 * escape can write). A lenient decoder turns either into {@code ?} or U+FFFD, a character the client never sent.
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    /** The offset of the first byte that starts no well-formed UTF-8 sequence; empty when all of them are UTF-8. */
    public static OptionalInt malformedUtf8At(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes, so the buffer is never too small.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return OptionalInt.of(in.position());
        }
        return OptionalInt.empty();
    }

    /** The index of the first surrogate without its other half; empty when the text is all Unicode characters. */
    public static OptionalInt unpairedSurrogateAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The text with every unpaired surrogate written as its escape ({@code \uD800}), safe to show in an answer. */
    public static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                printable.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                printable.append(String.format("\\u%04X", (int) c));
            } else {
                printable.append(c);
            }
        }
        return printable.toString();
    }
}
