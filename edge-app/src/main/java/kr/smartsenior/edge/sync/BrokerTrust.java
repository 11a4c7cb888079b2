package kr.smartsenior.edge.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom the kiosk trusts on a TLS ({@code ssl://}) broker connection: the district's own CA from the
 * provisioning bundle (installed at first boot as {@code /etc/smartsenior/ca.crt}, named by
 * {@code SSC_MQTT_CA_FILE}), and only that CA. Plain JDK: the PEM file's certificates go into an
 * in-memory key store, a {@link TrustManagerFactory} and an {@link SSLContext} are made from it.
 * The host name is checked by the link ({@code setHttpsHostnameVerificationEnabled}), so a certificate
 * of the right CA for another host is refused too.
 */
final class BrokerTrust {

    private BrokerTrust() {
    }

    /**
     * A socket factory that trusts exactly the CA certificates in this PEM file.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable or holds no certificate
     */
    static SSLSocketFactory fromCaFile(Path caFile) {
        return contextFromCaFile(caFile).getSocketFactory();
    }

    /** A TLS context that trusts exactly the CA certificates in this PEM file (the broker's, and the server's for downloads). */
    static SSLContext contextFromCaFile(Path caFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the broker's CA certificate " + caFile + " (SSC_MQTT_CA_FILE): "
                    + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the broker's CA file " + caFile + " (SSC_MQTT_CA_FILE) is not a PEM certificate: "
                    + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the broker's CA file " + caFile + " (SSC_MQTT_CA_FILE) holds no certificate");
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("district-ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** The subject of the first certificate in the file, for the log; never throws. */
    static String describe(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Certificate first = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return first instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName() : first.getType();
        } catch (IOException | CertificateException e) {
            return "?";
        }
    }

    /** Whether a connection failed because the broker's certificate was not trusted or not for this host. */
    static boolean untrusted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException
                    || t instanceof CertPathValidatorException || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }
}
