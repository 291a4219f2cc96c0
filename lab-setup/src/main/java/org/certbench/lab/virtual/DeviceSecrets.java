package org.certbench.lab.virtual;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secrets of one virtual device, made fresh for each bench: the owner's password (unique per
 * device, as EN 303 645 5.1-1 wants) and the CoAP pre-shared key. Handed to certbench through files
 * the profile names ({@code file:…}), never printed.
 *
 * @param ownerPassword the {@code owner} account's password
 * @param pskIdentity the DTLS PSK identity
 * @param pskKey the DTLS PSK, as the text whose ASCII bytes are the key
 */
record DeviceSecrets(String ownerPassword, String pskIdentity, String pskKey) {

    static final String OWNER = "owner";

    static DeviceSecrets fresh(Variant variant) {
        SecureRandom random = new SecureRandom();
        byte[] password = new byte[12];
        random.nextBytes(password);
        byte[] key = new byte[16];
        random.nextBytes(key);
        return new DeviceSecrets(HexFormat.of().formatHex(password), variant.deviceId(), HexFormat.of().formatHex(key));
    }

    @Override
    public String toString() {
        return "DeviceSecrets[" + pskIdentity + ", secrets hidden]";
    }
}
