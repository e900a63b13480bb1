package dev.vigil.app.api;

import java.util.UUID;

/** The absolute URLs the API hands out, under the site's public root (VIGIL_SITE_ROOT). */
public record ApiUrls(String siteRoot) {

    public ApiUrls {
        siteRoot = siteRoot.endsWith("/") ? siteRoot.substring(0, siteRoot.length() - 1) : siteRoot;
    }

    /** A check's slug URL under its project's ping key: {@code /ping/<ping key>/<slug>}. */
    public String pingBySlug(String pingKey, String slug) {
        return root() + "/ping/" + pingKey + "/" + slug;
    }

    public String ping(UUID check) {
        return siteRoot + "/ping/" + check;
    }

    public String check(UUID check) {
        return siteRoot + "/api/v3/checks/" + check;
    }

    public String pingBody(UUID check, long n) {
        return check(check) + "/pings/" + n + "/body";
    }

    public String checkBadge(UUID badgeKey) {
        return siteRoot + "/b/2/" + badgeKey + ".svg";
    }

    public String root() {
        return siteRoot;
    }
}
