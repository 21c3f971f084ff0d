package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    @ParameterizedTest
    @ValueSource(strings = {"11.22.33.44", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.0.1",
            "172.32.0.1", "192.169.0.1", "198.20.0.1", "223.255.255.254", "2a00:1450:4001::1b", "2001:4860::1",
            "::ffff:11.22.33.44", "64:ff9b::b16:212c", "2002:b16:212c::1"})
    void publicAddresses(String address) throws UnknownHostException {
        assertThat(AddressRanges.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.255",
            "127.0.0.1", "127.1.2.3", "169.254.1.1", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.25",
            "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.25", "203.0.113.7",
            "224.0.0.1", "239.1.1.1", "240.0.0.1", "255.255.255.255", "::", "::1", "::ffff:10.0.0.1", "::10.0.0.1",
            "64:ff9b:1::1", "64:ff9b::a00:1", "100::1", "2001::1", "2001:db8::1", "2002:a00:1::1", "3fff::1",
            "5f00::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "4000::1"})
    void nonPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressRanges.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }
}
