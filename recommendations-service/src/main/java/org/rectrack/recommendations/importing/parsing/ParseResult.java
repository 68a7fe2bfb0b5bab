package org.rectrack.recommendations.importing.parsing;

import java.util.List;

/** The parser's answer: a report, or every reason the text is not one. Never an exception. */
public sealed interface ParseResult {

    record Parsed(ParsedReport report) implements ParseResult {
    }

    record Failed(List<ParseProblem> problems) implements ParseResult {

        public Failed {
            problems = List.copyOf(problems);
        }
    }
}
