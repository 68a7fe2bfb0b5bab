package org.rectrack.recommendations;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rectrack.platform.problem.ProblemException;

/** Checks that one recommendation can continue another: same country, an earlier year. */
@ApplicationScoped
public class Lineage {

    public void checkContinuation(String field, String country, int year, UUID earlierId) {
        Recommendation earlier = Recommendation.<Recommendation> findByIdOptional(earlierId)
                .orElseThrow(() -> ProblemException.unprocessable(field, "no recommendation with id " + earlierId));
        if (!earlier.report().country().equals(country)) {
            throw ProblemException.unprocessable(field,
                    earlier.code() + " is about " + earlier.report().country() + ", not " + country);
        }
        if (earlier.report().year() >= year) {
            throw ProblemException.unprocessable(field,
                    earlier.code() + " is from " + earlier.report().year() + ", not from a year before " + year);
        }
    }
}
