package org.rectrack.platform.json;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import org.rectrack.platform.validation.PlainDates;

/**
 * Every {@link LocalDate} read from JSON, in every service, is a plain date: a string YYYY-MM-DD within
 * {@link PlainDates}' range. Jackson's own reader also takes {@code -2023-03-01} (year −2023), a date-time cut to
 * its date, a number of days since 1970 and an array [2023, 3, 1]; each is refused with a 400 naming the field.
 */
@Singleton
public class PlainDateJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // Registered after Quarkus's JavaTimeModule, so this reader of LocalDate is the one found first.
        mapper.registerModule(new SimpleModule("rectrack-plain-dates").addDeserializer(LocalDate.class, new Reader()));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Reads a JSON string YYYY-MM-DD as a date, and nothing else. */
    static final class Reader extends StdScalarDeserializer<LocalDate> {

        Reader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            LocalDate date = PlainDates.date(text);
            if (date == null) {
                throw InvalidFormatException.from(parser, "not " + PlainDates.DATE, text, LocalDate.class);
            }
            return date;
        }
    }
}
