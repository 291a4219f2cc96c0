package org.certbench.probes.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a port's answer is something a case can judge it by. */
class ServiceGuessTest {

    private static ServiceGuess unknown(String banner) {
        return new ServiceGuess(7070, "unknown", banner, false);
    }

    @Test
    void aVersionFullOfDotsIsReadableText() {
        assertThat(unknown("acme-status 1.4.69.2 (build 2024.11.03)").understood()).isTrue();
    }

    @Test
    void noiseSilenceAFewBytesAndAnUnreachablePortAreNot() {
        char u = ServiceGuess.UNPRINTABLE;
        assertThat(unknown("" + u + u + "x" + u + u + "y" + u + u + "z").understood()).isFalse();
        assertThat(unknown("(silent)").understood()).isFalse();
        assertThat(unknown("HT").understood()).isFalse();
        assertThat(new ServiceGuess(23, ServiceGuess.UNREACHABLE, "connection refused", false).understood()).isFalse();
    }

    @Test
    void aRecognisedProtocolIsUnderstoodWhateverItsBanner() {
        assertThat(new ServiceGuess(22, "ssh", "SSH-2.0-x", false).understood()).isTrue();
    }
}
