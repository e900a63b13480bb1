// Security keys and passkeys (WebAuthn): the settings page's "Add a security key" form and the login's "Use your
// security key" form. Each asks the server for options (a single-use challenge), hands them to the browser's
// navigator.credentials, puts the authenticator's answer in the form's hidden fields, base64url, and submits it.
(function () {
  "use strict";
  function bytes(b64url) {
    var s = atob(b64url.replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
    return out.buffer;
  }
  function text(buffer) {
    if (!buffer) { return ""; }
    var view = new Uint8Array(buffer), s = "";
    for (var i = 0; i < view.length; i++) { s += String.fromCharCode(view[i]); }
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function descriptors(list) {
    return (list || []).map(function (d) { return { type: d.type, id: bytes(d.id) }; });
  }
  function set(form, name, value) { form.querySelector("input[name='" + name + "']").value = value; }
  function wire(form, ceremony) {
    var error = document.getElementById("webauthn-error");
    function fail(message) {
      error.textContent = message;
      error.hidden = false;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!window.PublicKeyCredential) {
        fail("This browser does not support security keys.");
        return;
      }
      error.hidden = true;
      var body = new URLSearchParams();
      ["csrf", "pending"].forEach(function (n) {
        var f = form.querySelector("input[name='" + n + "']");
        if (f) { body.append(n, f.value); }
      });
      fetch(form.getAttribute("data-options-url"), { method: "POST", credentials: "same-origin", body: body,
          headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
        .then(function (answer) {
          if (!answer.ok) {
            if (answer.json.next) { window.location.assign(answer.json.next); }
            throw new Error(answer.json.error || "The server refused.");
          }
          return ceremony(answer.json);
        })
        .then(function () { form.submit(); })
        .catch(function (e) {
          fail(e && e.name === "NotAllowedError"
            ? "The security key was not used, or it is not one of this account's keys."
            : (e && e.message) || "The security key could not be used.");
        });
    });
  }
  var register = document.getElementById("webauthn-register-form");
  if (register) {
    wire(register, function (o) {
      return navigator.credentials.create({ publicKey: {
        challenge: bytes(o.challenge), rp: o.rp,
        user: { id: bytes(o.user.id), name: o.user.name, displayName: o.user.displayName },
        pubKeyCredParams: o.pubKeyCredParams, timeout: o.timeout, attestation: o.attestation,
        authenticatorSelection: o.authenticatorSelection, excludeCredentials: descriptors(o.excludeCredentials)
      } }).then(function (c) {
        set(register, "client_data", text(c.response.clientDataJSON));
        set(register, "attestation", text(c.response.attestationObject));
      });
    });
  }
  var login = document.getElementById("webauthn-login-form");
  if (login) {
    wire(login, function (o) {
      return navigator.credentials.get({ publicKey: {
        challenge: bytes(o.challenge), rpId: o.rpId, allowCredentials: descriptors(o.allowCredentials),
        userVerification: o.userVerification, timeout: o.timeout
      } }).then(function (c) {
        set(login, "credential_id", text(c.rawId));
        set(login, "client_data", text(c.response.clientDataJSON));
        set(login, "authenticator_data", text(c.response.authenticatorData));
        set(login, "signature", text(c.response.signature));
        set(login, "user_handle", text(c.response.userHandle));
      });
    });
  }
})();
