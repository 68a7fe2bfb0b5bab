package org.rectrack.platform.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rectrack.platform.problem.ProblemException;

class QueryValuesTest {

    @Test
    void onlyTheCanonicalUuidFormIsAUuid() {
        UUID id = UUID.randomUUID();
        assertThat(QueryValues.optionalUuid("id", id.toString())).contains(id);
        refused(() -> QueryValues.optionalUuid("id", "1-2-3-4-5"), "id");
        refused(() -> QueryValues.optionalUuid("id", "not-a-uuid"), "id");
    }

    @Test
    void aWholeNumberIsAsciiDigits() {
        assertThat(QueryValues.optionalInteger("year", "2023", 2001, 2100)).contains(2023);
        refused(() -> QueryValues.optionalInteger("year", "٢٠٢٣", 2001, 2100), "year");
        refused(() -> QueryValues.optionalInteger("year", "+2023", 2001, 2100), "year");
        refused(() -> QueryValues.optionalInteger("year", "2023.0", 2001, 2100), "year");
    }

    @Test
    void aNumberPastIntsRangeIsOutOfRangeNotAnOverflow() {
        assertThatThrownBy(() -> QueryValues.optionalInteger("page", "99999999999999999999", 0, 100))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.errors().getFirst().message()).contains("between 0 and 100"));
    }

    @Test
    void aDateIsYyyyMmDdWithinTheRange() {
        assertThat(QueryValues.optionalDate("publishedOn", "2023-06-15")).contains(LocalDate.of(2023, 6, 15));
        for (String notADate : new String[] { "-2023-03-01", "+2023-03-01", "12023-03-01", "2023-3-1", "2023-02-30",
                "2023-03-01T00:00:00Z", "19417", "1899-12-31" }) {
            refused(() -> QueryValues.optionalDate("publishedOn", notADate), "publishedOn");
        }
    }

    @Test
    void anInstantIsRfc3339OrADayMeaningItsEnd() {
        assertThat(QueryValues.optionalInstant("asOf", "2023-12-31T23:59:59Z")).contains(Instant.parse("2023-12-31T23:59:59Z"));
        assertThat(QueryValues.optionalInstant("asOf", "2024-01-01T06:59:59+07:00")).contains(Instant.parse("2023-12-31T23:59:59Z"));
        assertThat(QueryValues.optionalInstant("asOf", "2023-12-31")).contains(Instant.parse("2023-12-31T23:59:59.999999999Z"));
        for (String notAnInstant : new String[] { "-2023-12-31T00:00:00Z", "+12023-12-31T00:00:00Z", "2023-12-31T23:59:59",
                "1703980800", "2023-12-31T24:00:00Z", "-2023-12-31" }) {
            refused(() -> QueryValues.optionalInstant("asOf", notAnInstant), "asOf");
        }
    }

    private static void refused(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
        });
    }
}
