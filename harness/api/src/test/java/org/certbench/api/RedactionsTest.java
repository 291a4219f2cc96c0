package org.certbench.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionsTest {

    @Test
    void aRegisteredSecretIsBlankedAsWrittenAndAsEncoded() {
        String secret = "pa\"ss-" + System.nanoTime();
        Redactions.register(secret);

        assertThat(Redactions.apply("login with " + secret + " ok")).isEqualTo("login with *** ok");
        assertThat(Redactions.apply("{\"reason\":\"" + secret.replace("\"", "\\\"") + "\"}", s -> s.replace("\"", "\\\"")))
                .isEqualTo("{\"reason\":\"***\"}");
        assertThat(Redactions.apply("nothing secret here")).isEqualTo("nothing secret here");
    }

    @Test
    void aSecretContainingAnotherIsBlankedWhole() {
        long n = System.nanoTime();
        Redactions.register("abc" + n);
        Redactions.register("abc" + n + "def");

        assertThat(Redactions.apply("x abc" + n + "def y")).isEqualTo("x *** y");
    }
}
