package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Certificates from an ACME CA (Let's Encrypt, or Debian's pebble in the tests) with acme4j. HTTP-01 is answered
 * by HAProxy itself: the token goes into the challenge map of <em>every</em> balancer through its runtime API
 * (DNS may send the CA to any of them), and comes out again once the CA has looked. One order per key type, so
 * each name gets its ECDSA and its RSA certificate.
 */
public final class AcmeIssuer {

    /** Renew this long before expiry, as Let's Encrypt recommends for 90-day certificates. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Account account;
    private final List<? extends LoadBalancer> balancers;
    private final String challengeMap;
    private final Duration timeout;

    /**
     * Logs in to the CA at {@code directory} with {@code accountKey} (creating the account, terms agreed, when
     * it is new).
     */
    public AcmeIssuer(URI directory, KeyPair accountKey, List<? extends LoadBalancer> balancers, String challengeMap,
                      Duration timeout) {
        this(directory, Optional.empty(), accountKey, balancers, challengeMap, timeout);
    }

    /** The same, with the contact address the CA writes to about expiring certificates. */
    public AcmeIssuer(URI directory, Optional<String> email, KeyPair accountKey,
                      List<? extends LoadBalancer> balancers, String challengeMap, Duration timeout) {
        this.balancers = List.copyOf(balancers);
        this.challengeMap = challengeMap;
        this.timeout = timeout;
        try {
            AccountBuilder builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey);
            email.ifPresent(builder::addEmail);
            this.account = builder.create(new Session(directory));
        } catch (AcmeException e) {
            throw new IllegalStateException("ACME CA " + directory + " refused the account: " + e.getMessage(), e);
        }
    }

    /** Whether a certificate valid until {@code notAfter} is due for renewal at {@code now}. */
    public static boolean dueForRenewal(Instant notAfter, Instant now) {
        return !now.plus(RENEW_BEFORE).isBefore(notAfter);
    }

    /** A new certificate of {@code type} for {@code names}: HAProxy's crt file (chain, then the private key). */
    public String issue(List<String> names, KeyType type) {
        try {
            Order order = account.newOrder().domains(names).create();
            for (Authorization auth : order.getAuthorizations()) {
                if (auth.getStatus() != Status.VALID) {
                    answer(auth);
                }
            }
            KeyPair key = newKey(type);
            order.waitUntilReady(timeout);
            order.execute(key);
            if (order.waitForCompletion(timeout) != Status.VALID) {
                throw new IllegalStateException("the ACME order for " + names + " ended " + order.getStatus()
                        + order.getError().map(p -> ": " + p).orElse(""));
            }
            StringWriter pem = new StringWriter();
            order.getCertificate().writeCertificate(pem);
            return pem + Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded());
        } catch (AcmeException e) {
            throw new IllegalStateException("ACME order for " + names + " (" + type.id() + ") failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the ACME order", e);
        }
    }

    private void answer(Authorization auth) throws AcmeException, InterruptedException {
        Http01Challenge challenge = auth.findChallenge(Http01Challenge.class).orElseThrow(() ->
                new IllegalStateException("the CA offers no HTTP-01 challenge for " + auth.getIdentifier()));
        List<LoadBalancer> set = new ArrayList<>();
        try {
            for (LoadBalancer lb : balancers) {
                lb.addMapEntry(challengeMap, challenge.getToken(), challenge.getAuthorization());
                set.add(lb);
            }
            challenge.trigger();
            Status status = challenge.waitForCompletion(timeout);
            if (status != Status.VALID) {
                throw new IllegalStateException("HTTP-01 for " + auth.getIdentifier().getDomain() + " ended "
                        + status + challenge.getError().map(p -> ": " + p).orElse(""));
            }
        } finally {
            for (LoadBalancer lb : set) {
                lb.deleteMapEntry(challengeMap, challenge.getToken());
            }
        }
    }

    /** The certificate's key: ECDSA P-256 or RSA 2048, the usual pair. */
    static KeyPair newKey(KeyType type) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type.keyAlgorithm());
            if (type == KeyType.ECDSA) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
