package org.rectrack.recommendations.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.recommendations.importing.parsing.ReportTextParser;

/**
 * The request body of an import as text: UTF-8, not empty, not binary. Anything else is refused with a
 * 400 that says what is wrong, before the parser sees it.
 */
final class ReportBody {

    /** Text pasted from a PDF may carry a stray control character; a file that is not text has many. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    private ReportBody() {
    }

    static String text(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("body", "is empty: send the report's text as text/plain");
        }
        String text;
        try {
            // REPORT, not the default REPLACE: a body that is not UTF-8 is refused, never silently garbled
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("body", "is not UTF-8 text: send the report's text, not a file in another format");
        }
        if (text.length() > ReportTextParser.MAX_REPORT_LENGTH) {
            throw new ProblemException(413, "payload-too-large", "Body too large", "body: the text has " + text.length()
                    + " characters, more than the " + ReportTextParser.MAX_REPORT_LENGTH + " a whole report may have",
                    List.of(new FieldError("body", "has more characters than a whole report may have")));
        }
        if (text.isBlank()) {
            throw ProblemException.badRequest("body", "is blank: send the report's text as text/plain");
        }
        long controls = text.chars().filter(ReportBody::isControl).count();
        if (text.indexOf('\u0000') >= 0 || controls > text.length() * MAX_CONTROL_SHARE) {
            throw ProblemException.badRequest("body", "is binary data, not text: send the report's text, "
                    + "for example copied from the report's web page or extracted from its PDF");
        }
        return text;
    }

    /** Control characters other than tab, line ends and the form feed PDF extraction writes between pages. */
    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f;
    }
}
