package dev.kagentmaven.core.e2e;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away PKI made in memory with BouncyCastle: a CA, a server certificate for one DNS name and a
 * client certificate, all EC P-256 (fast to generate), plus their PEM text. No JCA provider is
 * registered globally: signing and conversion use the JDK's providers.
 */
final class TlsMaterial {

    /** One key pair with its certificate. */
    record Issued(PrivateKey key, X509Certificate cert) {
        String certPem() {
            return pem("CERTIFICATE", encoded(cert));
        }

        /** PKCS#8 ({@code BEGIN PRIVATE KEY}), the form both Tomcat and the JDK read. */
        String keyPem() {
            return pem("PRIVATE KEY", key.getEncoded());
        }
    }

    static final String CLIENT_CN = "kagent-agent-mtls";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    final Issued ca;
    final Issued server;
    final Issued client;

    private TlsMaterial(Issued ca, Issued server, Issued client) {
        this.ca = ca;
        this.server = server;
        this.client = client;
    }

    /** A CA, a server certificate with DNS SAN {@code serverDns}, and a client certificate. */
    static TlsMaterial generate(String serverDns) throws GeneralSecurityException, IOException {
        KeyPair caKeys = keyPair();
        X509Certificate caCert = caCertificate(caKeys);
        Issued ca = new Issued(caKeys.getPrivate(), caCert);
        Issued server = leaf(ca, "CN=" + serverDns, serverDns, KeyPurposeId.id_kp_serverAuth);
        Issued client = leaf(ca, "CN=" + CLIENT_CN, null, KeyPurposeId.id_kp_clientAuth);
        return new TlsMaterial(ca, server, client);
    }

    /** The CA as an in-memory trust store (Tomcat's client-certificate trust). */
    KeyStore caTrustStore() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("test-ca", ca.cert());
        return ks;
    }

    /** Writes {@code pem} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, String pem) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), pem, StandardCharsets.US_ASCII);
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate caCertificate(KeyPair keys) throws GeneralSecurityException, IOException {
        X500Name subject = new X500Name("CN=kagent-maven e2e test CA");
        X509v3CertificateBuilder b = builder(subject, subject, keys);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(b, keys.getPrivate());
    }

    private static Issued leaf(Issued ca, String subject, String dns, KeyPurposeId purpose)
            throws GeneralSecurityException, IOException {
        KeyPair keys = keyPair();
        X500Name issuer = X500Name.getInstance(ca.cert().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder b = builder(issuer, new X500Name(subject), keys);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.cert()));
        if (dns != null) {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
        }
        return new Issued(keys.getPrivate(), sign(b, ca.key()));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign test certificate", e);
        }
    }
}
