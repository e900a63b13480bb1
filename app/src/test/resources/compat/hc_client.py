#!/usr/bin/env python3
"""A Healthchecks API v3 client written the way users write them (standard library only).

Usage: hc_client.py <base url> <read-write api key>
Creates a check with "unique", pings it, finds it in the list, pauses it and deletes it. Prints one line per
step and exits non-zero with the reason on the first surprise.
"""
import json
import sys
import urllib.error
import urllib.request


def call(method, url, key=None, payload=None):
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if key:
        req.add_header("X-Api-Key", key)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def expect(condition, message):
    if not condition:
        print("FAILED: " + message)
        sys.exit(1)


def main(base, key):
    api = base.rstrip("/") + "/api/v3"
    spec = {"name": "py-nightly", "tags": "python compat", "timeout": 3600, "grace": 300, "unique": ["name"]}

    status, body = call("POST", api + "/checks/", key, spec)
    expect(status in (200, 201), "create answered %d: %s" % (status, body))
    check = json.loads(body)
    print("created %s (%d)" % (check["uuid"], status))

    status, body = call("POST", api + "/checks/", key, spec)
    expect(status == 200, "second create with unique answered %d, expected 200" % status)
    expect(json.loads(body)["uuid"] == check["uuid"], "second create returned another check")
    print("unique create returned the same check")

    status, body = call("GET", check["ping_url"])
    expect(status == 200 and body == "OK", "ping answered %d: %s" % (status, body))
    print("pinged")

    status, body = call("GET", api + "/checks/?tag=python&tag=compat", key)
    expect(status == 200, "list answered %d" % status)
    listed = [c for c in json.loads(body)["checks"] if c.get("uuid") == check["uuid"]]
    expect(len(listed) == 1, "check not in the tag-filtered list")
    expect(listed[0]["status"] == "up" and listed[0]["n_pings"] == 1, "listed as %r" % listed[0])
    print("listed: status up, 1 ping")

    status, body = call("POST", check["pause_url"], key, {})
    expect(status == 200 and json.loads(body)["status"] == "paused", "pause answered %d: %s" % (status, body))
    print("paused")

    status, body = call("DELETE", check["update_url"], key)
    expect(status == 200, "delete answered %d" % status)
    status, _ = call("GET", check["update_url"], key)
    expect(status == 404, "deleted check still answers %d" % status)
    print("deleted")
    print("ALL OK")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
