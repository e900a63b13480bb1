package dev.vigil.app.badges;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Badge URLs of a project, in Healthchecks' shape: {@code /badge/<badge key>/<signature>/<tag>.<format>}, and
 * {@code /badge/<badge key>/<signature>.<format>} for all checks. The signature (8 hex digits of an HMAC of the tag
 * keyed by the project's secret badge key) means knowing one badge URL does not let anyone read other tags' badges.
 * A {@code -2} after the signature asks for a two-state badge (late counts as up).
 */
public final class BadgeUrls {

    public static final String ALL = "*";

    private BadgeUrls() {
    }

    public static String signature(String badgeKey, String tag) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(badgeKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(tag.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static boolean signatureMatches(String badgeKey, String tag, String given) {
        return MessageDigest.isEqual(signature(badgeKey, tag).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    public static String of(String siteRoot, String badgeKey, String tag, boolean threeState, String format) {
        String sig = signature(badgeKey, tag) + (threeState ? "" : "-2");
        String base = siteRoot + "/badge/" + badgeKey + "/" + sig;
        return ALL.equals(tag) ? base + "." + format
                : base + "/" + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20") + "." + format;
    }
}
