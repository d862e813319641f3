package io.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses reserved for examples and tests are never mailed. */
class DeliverableAddressTests {

    @ParameterizedTest
    @CsvSource({
        "ada@mail.rapport.io, true",
        "ada@example.co.uk, true",
        "ada@example.com, false",
        "ada@EXAMPLE.org, false",
        "ada@shop.example.net, false",
        "ada@desk.test, false",
        "ada@host.invalid, false",
        "ada@localhost, false",
        "ada@mytest.com, true",
        "no-at-sign, false"
    })
    void reservedNamesAreNotMailed(String address, boolean deliverable) {
        assertThat(OutgoingMail.deliverable(address)).isEqualTo(deliverable);
    }
}
