package org.sonocine.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceAddressTest {
    @Test
    void eachTokenIsThirtyTwoFreshRandomBytes() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(InstanceAddress.withNewToken(4242).token());
        }
        assertThat(tokens).hasSize(50);
        // 32 bytes in unpadded base64url
        assertThat(tokens).allSatisfy(token -> assertThat(token).matches("[A-Za-z0-9_-]{43}"));
        int[] ones = new int[1];
        for (int i = 0; i < 200; i++) {
            for (byte b : InstanceAddress.secret(Path.of("/dev/urandom"))) {
                ones[0] += Integer.bitCount(b & 0xFF);
            }
        }
        // 51,200 bits: a fair source gives 25,600 ones, give or take ~113 (one standard deviation)
        assertThat(ones[0]).isBetween(25_000, 26_200);
    }

    @Test
    void aPlainFileWhereTheDeviceShouldBeIsNotReadButAFreshSecretMadeInstead(@TempDir Path dir) throws Exception {
        Path planted = dir.resolve("urandom");
        Files.write(planted, new byte[64]);
        byte[] first = InstanceAddress.secret(planted);
        byte[] second = InstanceAddress.secret(planted);
        byte[] missing = InstanceAddress.secret(dir.resolve("none"));

        assertThat(first).hasSize(32).isNotEqualTo(new byte[32]).isNotEqualTo(second);
        assertThat(missing).hasSize(32).isNotEqualTo(new byte[32]);
    }

    @Test
    void aRecordedAddressReadsBackAndItsTokenStaysOutOfMessages() {
        InstanceAddress address = InstanceAddress.withNewToken(4242);
        assertThat(InstanceAddress.parse(address.format())).hasValue(address);
        assertThat(address.toString()).doesNotContain(address.token());
    }
}
