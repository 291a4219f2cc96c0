package org.certbench.probes.tls;

import java.net.IDN;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a certificate is for a name, per RFC 6125: IP addresses against IP subjectAltNames, host
 * names against DNS subjectAltNames with a wildcard only as the whole left-most label; the subject CN
 * only when the certificate has no DNS name at all.
 *
 * <pre>{@code
 * HostnameCheck.matches(leaf, "device.lab")
 * }</pre>
 */
public final class HostnameCheck {

    private HostnameCheck() {
    }

    /** Whether the certificate is for the name (IP literal or host name). */
    public static boolean matches(X509Certificate certificate, String name) {
        boolean ip = name.matches("[0-9.]+") || name.contains(":");
        String wanted = ip ? name : IDN.toASCII(name).toLowerCase(Locale.ROOT);
        boolean anyDns = false;
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    int type = (Integer) entry.get(0);
                    String value = String.valueOf(entry.get(1));
                    if (type == 7 && ip && sameAddress(value, wanted)) {
                        return true;
                    }
                    if (type == 2) {
                        anyDns = true;
                        if (!ip && dnsMatches(value.toLowerCase(Locale.ROOT), wanted)) {
                            return true;
                        }
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (!anyDns && !ip) {
            try {
                for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN") && dnsMatches(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT), wanted)) {
                        return true;
                    }
                }
            } catch (InvalidNameException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(pattern.substring(1)) && pattern.indexOf('.', 2) > 0;
        }
        return pattern.equals(name);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return java.net.InetAddress.getByName(a).equals(java.net.InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
