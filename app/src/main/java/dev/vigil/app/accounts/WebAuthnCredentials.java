package dev.vigil.app.accounts;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.vigil.app.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * WebAuthn security keys and passkeys as a second factor (verified by webauthn4j): registration (options with a
 * single-use challenge, then the authenticator's attestation, "none" asked for), the login's second step (an
 * assertion for a challenge of that pending login), listing and removing keys. The relying party is the site
 * root: its host is the RP id and it is the only origin accepted.
 */
@ApplicationScoped
public class WebAuthnCredentials {

    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    public static final String REFUSED = "The security key could not be verified. Please try again.";
    public static final int MAX_NAME = 100;
    private static final long TIMEOUT_MS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
    /** Refused assertions per user in 15 minutes, as for codes. */
    private final AttemptLimit failuresByUser =
            new AttemptLimit("security-key-failures-by-user", 5, Duration.ofMinutes(15));

    @Inject
    Attempts attempts;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    /** A key as the settings page lists it. */
    public record KeyLine(long id, String name, OffsetDateTime created, OffsetDateTime lastUsed) {
    }

    /** Which second factors a pending login can use: its page offers those. */
    public record Factors(boolean totp, boolean keys) {
    }

    /** The browser's answer to {@code navigator.credentials.create}, its fields base64url. */
    public record Attestation(String clientData, String attestationObject) {
    }

    /** The browser's answer to {@code navigator.credentials.get}, its fields base64url. */
    public record Assertion(String credentialId, String clientData, String authenticatorData, String signature,
            String userHandle) {
    }

    public List<KeyLine> keys(long userId) {
        return accounts.inTransaction(em -> credentials(em, userId).stream()
                .map(c -> new KeyLine(c.id(), c.name(), c.created(), c.lastUsed())).toList());
    }

    /** Removes one of the user's keys; false when it has no such key (another user's is not there for it). */
    public boolean remove(long userId, long id) {
        return accounts.inTransaction(em -> em.createQuery(
                        "DELETE FROM WebAuthnCredential c WHERE c.id = :id AND c.userId = :u")
                .setParameter("id", id).setParameter("u", userId).executeUpdate() == 1);
    }

    /** The options for {@code navigator.credentials.create}: a new challenge, and the keys it has already. */
    public JsonObject registrationOptions(long userId) {
        return accounts.inTransaction(em -> {
            UserAccount user = em.find(UserAccount.class, userId);
            JsonArrayBuilder exclude = JsonBuilders.array();
            credentials(em, userId).forEach(c -> exclude.add(descriptor(c)));
            return JsonBuilders.object()
                    .add("challenge", b64(newChallenge(em, userId, WebAuthnChallenge.Purpose.REGISTER)))
                    .add("rp", JsonBuilders.object().add("id", rpId()).add("name", "Vigil"))
                    .add("user", JsonBuilders.object().add("id", b64(userHandle(userId)))
                            .add("name", user.email()).add("displayName", user.email()))
                    .add("pubKeyCredParams", JsonBuilders.array()
                            .add(JsonBuilders.object().add("type", "public-key").add("alg", -7))   // ES256
                            .add(JsonBuilders.object().add("type", "public-key").add("alg", -8))   // EdDSA
                            .add(JsonBuilders.object().add("type", "public-key").add("alg", -257))) // RS256
                    .add("timeout", TIMEOUT_MS)
                    .add("attestation", "none")
                    .add("authenticatorSelection", JsonBuilders.object().add("userVerification", "preferred")
                            .add("residentKey", "preferred"))
                    .add("excludeCredentials", exclude)
                    .build();
        });
    }

    /** Verifies a registration for a challenge given to this user and stores the key under {@code name}. */
    public void register(long userId, String name, Attestation response) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new AccountException("Please give the key a name (at most " + MAX_NAME + " characters).", false);
        }
        RegistrationRequest request;
        byte[] challenge;
        try {
            request = new RegistrationRequest(unb64(response.attestationObject()), unb64(response.clientData()));
            challenge = challengeOf(request.getClientDataJSON());
        } catch (RuntimeException e) {
            throw new AccountException(REFUSED, false);
        }
        if (!takeChallenge(userId, WebAuthnChallenge.Purpose.REGISTER, challenge)) {
            throw new AccountException(REFUSED, false);
        }
        RegistrationData data;
        try {
            data = manager.verify(request, new RegistrationParameters(serverProperty(challenge), null, false, true));
        } catch (RuntimeException e) { // webauthn4j's verification and conversion failures alike
            throw new AccountException(REFUSED, false);
        }
        AttestedCredentialData attested = data.getAttestationObject().getAuthenticatorData()
                .getAttestedCredentialData();
        byte[] publicKey = CONVERTER.getCborConverter().writeValueAsBytes(attested.getCOSEKey());
        long counter = data.getAttestationObject().getAuthenticatorData().getSignCount();
        accounts.inTransaction(em -> {
            if (!em.createQuery("SELECT c.id FROM WebAuthnCredential c WHERE c.credentialId = :c")
                    .setParameter("c", attested.getCredentialId()).getResultList().isEmpty()) {
                throw new AccountException("This security key is registered already.", false);
            }
            em.persist(new WebAuthnCredential(userId, attested.getCredentialId(), publicKey, counter, label,
                    OffsetDateTime.now(ZoneOffset.UTC)));
            return null;
        });
    }

    /** The second factors of a pending login (none when the token is not live). */
    public Factors factors(String pendingToken) {
        return accounts.inTransaction(em -> LoginLinks.find(em, pendingToken, LoginToken.Purpose.SECOND_STEP, false)
                .map(t -> {
                    TotpFactor totp = em.find(TotpFactor.class, t.userId());
                    return new Factors(totp != null && totp.confirmed(), !credentials(em, t.userId()).isEmpty());
                }).orElse(new Factors(false, false)));
    }

    /** The options for {@code navigator.credentials.get} in a pending login: a new challenge and the user's keys. */
    public JsonObject loginOptions(String pendingToken) {
        return accounts.inTransaction(em -> {
            long userId = pendingUser(em, pendingToken);
            List<WebAuthnCredential> keys = credentials(em, userId);
            if (keys.isEmpty()) {
                throw new AccountException(REFUSED, false);
            }
            JsonArrayBuilder allow = JsonBuilders.array();
            keys.forEach(c -> allow.add(descriptor(c)));
            return JsonBuilders.object()
                    .add("challenge", b64(newChallenge(em, userId, WebAuthnChallenge.Purpose.LOGIN)))
                    .add("rpId", rpId())
                    .add("allowCredentials", allow)
                    .add("userVerification", "preferred")
                    .add("timeout", TIMEOUT_MS)
                    .build();
        });
    }

    /**
     * The login's second step with a security key: an assertion, for a challenge of this user's, by one of its
     * keys, from the site root's origin, with a counter that went forward; a session, as a code gives, or
     * {@link #REFUSED}. The challenge is used up either way.
     */
    public NewSession logIn(String pendingToken, Assertion response, String userAgent) {
        Instant now = Instant.now();
        long userId = accounts.inTransaction(em -> pendingUser(em, pendingToken));
        String key = Long.toString(userId);
        if (attempts.blocked(failuresByUser, key, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        AuthenticationRequest request;
        byte[] challenge;
        try {
            request = new AuthenticationRequest(unb64(response.credentialId()),
                    response.userHandle() == null || response.userHandle().isEmpty() ? null
                            : unb64(response.userHandle()),
                    unb64(response.authenticatorData()), unb64(response.clientData()), unb64(response.signature()));
            challenge = challengeOf(request.getClientDataJSON());
        } catch (RuntimeException e) {
            attempts.count(failuresByUser, key, now);
            throw new AccountException(REFUSED, false);
        }
        Optional<WebAuthnCredential> stored = takeChallenge(userId, WebAuthnChallenge.Purpose.LOGIN, challenge)
                ? accounts.inTransaction(em -> credential(em, userId, request.getCredentialId(), false))
                : Optional.empty();
        Optional<AuthenticationData> verified = stored.flatMap(c -> verify(request, challenge, c));
        if (verified.isEmpty()) {
            attempts.count(failuresByUser, key, now);
            throw new AccountException(REFUSED, false);
        }
        long counter = verified.get().getAuthenticatorData().getSignCount();
        Optional<NewSession> session = accounts.inTransaction(em -> {
            WebAuthnCredential c = credential(em, userId, request.getCredentialId(), true).orElse(null);
            // again under the row's lock: two logins at once with one counter value make one
            if (c == null || !counterMovedOn(c.signCount(), counter)) {
                return Optional.empty();
            }
            c.used(counter, OffsetDateTime.now(ZoneOffset.UTC));
            return Optional.of(SecondFactor.completeLogin(em, pendingToken, userId, userAgent));
        });
        if (session.isEmpty()) {
            attempts.count(failuresByUser, key, now);
            throw new AccountException(REFUSED, false);
        }
        return session.get();
    }

    private Optional<AuthenticationData> verify(AuthenticationRequest request, byte[] challenge,
            WebAuthnCredential c) {
        try {
            COSEKey coseKey = CONVERTER.getCborConverter().readValue(c.publicKey(), COSEKey.class);
            CredentialRecord record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    c.signCount(), new AttestedCredentialData(AAGUID.ZERO, c.credentialId(), coseKey), null, null,
                    null, null);
            return Optional.of(manager.verify(request, new AuthenticationParameters(serverProperty(challenge),
                    record, List.of(c.credentialId()), false, true)));
        } catch (RuntimeException e) { // a bad signature, origin, RP id hash, counter, or unreadable data
            return Optional.empty();
        }
    }

    /** A counter must grow, unless the authenticator keeps none (zero both times). */
    static boolean counterMovedOn(long stored, long presented) {
        return presented > stored || (presented == 0 && stored == 0);
    }

    private ServerProperty serverProperty(byte[] challenge) {
        return ServerProperty.builder().origin(new Origin(origin())).rpId(rpId())
                .challenge(new DefaultChallenge(challenge)).build();
    }

    /** The site root's origin: scheme, host and port, without a path. */
    String origin() {
        URI root = URI.create(siteRoot);
        return root.getScheme() + "://" + root.getRawAuthority();
    }

    String rpId() {
        return URI.create(siteRoot).getHost();
    }

    private static long pendingUser(EntityManager em, String pendingToken) {
        return LoginLinks.find(em, pendingToken, LoginToken.Purpose.SECOND_STEP, false)
                .orElseThrow(() -> new AccountException(LoginLinks.LINK_GONE, false)).userId();
    }

    private static byte[] newChallenge(EntityManager em, long userId, WebAuthnChallenge.Purpose purpose) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        em.createQuery("DELETE FROM WebAuthnChallenge c WHERE c.expires < :now") // expired ones, anyone's
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        em.persist(new WebAuthnChallenge(userId, purpose, challenge,
                OffsetDateTime.now(ZoneOffset.UTC).plus(CHALLENGE_LIFETIME)));
        return challenge;
    }

    /** Deletes a live challenge of the user's, in its own transaction, so that a refused response uses it up too. */
    private boolean takeChallenge(long userId, WebAuthnChallenge.Purpose purpose, byte[] challenge) {
        return accounts.inTransaction(em -> em.createQuery("DELETE FROM WebAuthnChallenge c WHERE c.userId = :u"
                        + " AND c.purpose = :p AND c.challenge = :c AND c.expires > :now")
                .setParameter("u", userId).setParameter("p", purpose.stored).setParameter("c", challenge)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate() == 1);
    }

    private static byte[] challengeOf(byte[] clientDataJson) {
        return new CollectedClientDataConverter(CONVERTER).convert(clientDataJson).getChallenge().getValue();
    }

    private static List<WebAuthnCredential> credentials(EntityManager em, long userId) {
        return em.createQuery("SELECT c FROM WebAuthnCredential c WHERE c.userId = :u ORDER BY c.id",
                WebAuthnCredential.class).setParameter("u", userId).getResultList();
    }

    private static Optional<WebAuthnCredential> credential(EntityManager em, long userId, byte[] credentialId,
            boolean lock) {
        var query = em.createQuery("SELECT c FROM WebAuthnCredential c WHERE c.userId = :u"
                + " AND c.credentialId = :c", WebAuthnCredential.class)
                .setParameter("u", userId).setParameter("c", credentialId);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private static jakarta.json.JsonObjectBuilder descriptor(WebAuthnCredential c) {
        return JsonBuilders.object().add("type", "public-key").add("id", b64(c.credentialId()));
    }

    /** The user handle the authenticator keeps: the user's id, 8 bytes (no email, nothing personal). */
    static byte[] userHandle(long userId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(userId).array();
    }

    static boolean hasAny(EntityManager em, long userId) {
        return !em.createQuery("SELECT c.id FROM WebAuthnCredential c WHERE c.userId = :u")
                .setParameter("u", userId).setMaxResults(1).getResultList().isEmpty();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        if (text == null || text.length() > 20_000) {
            throw new IllegalArgumentException("missing or too long");
        }
        return Base64.getUrlDecoder().decode(text);
    }
}
