package org.openebr.trust.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalTimeStampAuthorityTest {

    static final byte[] DATA = "checkpoint 0000000042 sha256=9f86d081884c7d659a2feaa0c55ad015"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path keys;

    private TrustStore store;
    private InternalTimeStampAuthority authority;
    private final TrustVerifier verifier = new TrustVerifier();

    @BeforeEach
    void open() {
        store = TestKeys.open(keys);
        authority = new InternalTimeStampAuthority(store.timeStampAuthority(), TestKeys.CLOCK);
    }

    @Test
    void a_time_stamp_verifies_with_the_ca_certificate_and_carries_the_clock_time() {
        TimeStampVerification result = verifier.verifyTimeStamp(DATA, authority.timeStamp(DATA), store.caCertificate());

        assertThat(result.valid()).as(result.problem()).isTrue();
        assertThat(result.genTime()).isEqualTo(TestKeys.NOW);
        assertThat(result.serialNumber()).isPositive();
        assertThat(result.problem()).isNull();
    }

    @Test
    void a_time_stamp_is_invalid_for_data_with_one_byte_changed() {
        byte[] response = authority.timeStamp(DATA);
        byte[] altered = DATA.clone();
        altered[0] ^= 0x01;

        TimeStampVerification result = verifier.verifyTimeStamp(altered, response, store.caCertificate());

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("for other data");
    }

    @Test
    void the_token_names_the_policy_and_carries_accuracy_nonce_and_the_tsa_certificate() throws Exception {
        TimeStampResponse response = new TimeStampResponse(authority.timeStamp(DATA));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        TimeStampTokenInfo info = response.getTimeStampToken().getTimeStampInfo();
        assertThat(info.getPolicy().getId()).isEqualTo(InternalTimeStampAuthority.POLICY_OID);
        assertThat(info.getAccuracy().getSeconds().intValueExact()).isEqualTo(1);
        assertThat(info.getNonce()).isNotNull();
        assertThat(info.getMessageImprintAlgOID()).isEqualTo(TSPAlgorithms.SHA256);
        assertThat(response.getTimeStampToken().getCertificates().getMatches(response.getTimeStampToken().getSID()))
                .hasSize(1);
    }

    @Test
    void every_time_stamp_has_its_own_serial_number_even_at_the_same_instant() {
        TimeStampVerification first = verifier.verifyTimeStamp(DATA, authority.timeStamp(DATA), store.caCertificate());
        TimeStampVerification second = verifier.verifyTimeStamp(DATA, authority.timeStamp(DATA), store.caCertificate());

        assertThat(first.genTime()).isEqualTo(second.genTime());
        assertThat(first.serialNumber()).isNotEqualTo(second.serialNumber());
    }

    @Test
    void a_time_stamp_from_another_installation_is_not_trusted() {
        TrustStore elsewhere = TestKeys.open(keys.resolve("elsewhere"));
        TimeStampAuthority foreign = new InternalTimeStampAuthority(elsewhere.timeStampAuthority(), TestKeys.CLOCK);
        byte[] response = foreign.timeStamp(DATA);

        TimeStampVerification result = verifier.verifyTimeStamp(DATA, response, store.caCertificate());

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("does not carry the trusted CA's signature");
    }

    @Test
    void a_time_stamp_verifies_with_any_of_the_trusted_cas_and_only_with_them() {
        TrustStore earlier = TestKeys.open(keys.resolve("earlier-tsa"));
        byte[] before = new InternalTimeStampAuthority(earlier.timeStampAuthority(), TestKeys.CLOCK).timeStamp(DATA);
        byte[] now = authority.timeStamp(DATA);
        java.util.List<java.security.cert.X509Certificate> trusted = java.util.List.of(store.caCertificate(),
                earlier.caCertificate());

        assertThat(verifier.verifyTimeStamp(DATA, before, trusted).valid()).as("the earlier authority's").isTrue();
        assertThat(verifier.verifyTimeStamp(DATA, now, trusted).valid()).as("the present one's").isTrue();
        TrustStore elsewhere = TestKeys.open(keys.resolve("elsewhere"));
        byte[] foreign = new InternalTimeStampAuthority(elsewhere.timeStampAuthority(), TestKeys.CLOCK).timeStamp(DATA);
        TimeStampVerification untrusted = verifier.verifyTimeStamp(DATA, foreign, trusted);
        assertThat(untrusted.valid()).isFalse();
        assertThat(untrusted.problem()).contains("does not carry the trusted CA's signature");
        assertThat(verifier.verifyTimeStamp(DATA, now, java.util.List.of()).valid()).as("nothing trusted").isFalse();
    }

    @Test
    void garbage_is_an_invalid_time_stamp_not_an_exception() {
        TimeStampVerification garbage = verifier.verifyTimeStamp(DATA, "not a tsr".getBytes(StandardCharsets.US_ASCII),
                store.caCertificate());
        TimeStampVerification empty = verifier.verifyTimeStamp(DATA, new byte[0], store.caCertificate());
        TimeStampVerification rejection = verifier.verifyTimeStamp(DATA, authority.answer(new byte[] {1, 2, 3}),
                store.caCertificate());

        assertThat(garbage.valid()).isFalse();
        assertThat(garbage.problem()).startsWith("not a readable RFC 3161 time-stamp response");
        assertThat(empty.valid()).isFalse();
        assertThat(rejection.valid()).isFalse();
        assertThat(rejection.problem()).contains("grants no time-stamp");
    }

    @Test
    void requests_that_are_malformed_or_use_a_weak_digest_are_rejected() throws Exception {
        byte[] junk = "junk".getBytes(StandardCharsets.US_ASCII);
        TimeStampResponse malformed = new TimeStampResponse(authority.answer(junk));
        byte[] sha1Request = new TimeStampRequestGenerator()
                .generate(TSPAlgorithms.SHA1, new byte[20], BigInteger.ONE).getEncoded();
        TimeStampResponse weak = new TimeStampResponse(authority.answer(sha1Request));

        assertThat(malformed.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(malformed.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
        assertThat(weak.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(weak.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
    }
}
