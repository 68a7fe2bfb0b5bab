package org.rectrack.platform.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void percentEncodedUtf8AndPlusAreDecoded() {
        assertThat(QueryParameters.decode("%E0%BA%A5%E0%BA%B2%E0%BA%A7+ngo")).contains("ລາວ ngo");
    }

    @Test
    void percentEncodedBytesThatAreNoUtf8AreRefusedNotReplaced() {
        assertThat(QueryParameters.decode("a%FFb")).isEmpty();
        assertThat(QueryParameters.decode("%ED%A0%80")).isEmpty();
        assertThat(QueryParameters.decode("%C0%AF")).isEmpty();
    }

    @Test
    void aBrokenPercentEscapeIsRefused() {
        assertThat(QueryParameters.decode("50%")).isEmpty();
        assertThat(QueryParameters.decode("%G1")).isEmpty();
    }
}
