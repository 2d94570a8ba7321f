"""Creates the accounts the schemathesis gate fuzzes as, through the public API, and
prints one `ROLE=access_token` line per account.

    python3 scripts/schemathesis_users.py BASE_URL OUTBOX_DIR ADMIN_EMAIL ADMIN_PASSWORD SUPPORT_EMAIL SUPPORT_PASSWORD

- freelancer: registered, never applied (what the gate always fuzzed as);
- eligible:   registered, email verified (when the server has verification), applied,
              approved by the admin, profile filled in, current terms accepted; checked
              with GET /me (`freelancer.eligible` must be true);
- customer:   registered;
- support, admin: created with `partner-hub admin create` before the server started,
              signed in here.

Any unexpected answer stops the gate: fuzzing as the wrong user would pass silently.
"""

import email
import email.policy
import json
import pathlib
import re
import sys
import time
import urllib.error
import urllib.request

PASSWORD = "Fuzz-Passw0rd-123"


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def call(self, method, path, body=None, token=None, ok=(200, 201)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                status, text = res.status, res.read().decode()
        except urllib.error.HTTPError as err:
            status, text = err.code, err.read().decode()
        if ok is not None and status not in ok:
            sys.exit(f"schemathesis users: {method} {path} -> {status}: {text}")
        return status, (json.loads(text) if text.strip().startswith(("{", "[")) else text)


def register(api, email_address, role, name):
    _, body = api.call("POST", "/api/v1/auth/register", {
        "email": email_address, "password": PASSWORD, "full_name": name, "role": role,
    })
    return body["access_token"]


def login(api, email_address, password):
    _, body = api.call("POST", "/api/v1/auth/login", {"email": email_address, "password": password})
    return body["access_token"]


def verification_token(outbox, to):
    """The token of the newest verification email to `to` in the file outbox."""
    found = None
    for path in sorted(pathlib.Path(outbox).glob("*.eml"), key=lambda p: p.stat().st_mtime):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if to.lower() not in str(msg.get("To", "")).lower():
            continue
        for part in msg.walk():
            if part.get_content_type() in ("text/plain", "text/html"):
                m = re.search(r"verify-email\?token=([A-Za-z0-9_\-]+)", part.get_content())
                if m:
                    found = m.group(1)
    return found


def verify_email(api, spec, outbox, address, admin_token):
    """Verifies `address` when the server has email verification; a no-op otherwise."""
    if "/api/v1/auth/verify-email:" not in spec:
        return
    for _ in range(20):
        # The email job delivers the outbox to .eml files; run it rather than wait for
        # the scheduler.
        api.call("POST", "/api/v1/admin/jobs/email/run", {}, admin_token)
        token = verification_token(outbox, address)
        if token:
            api.call("POST", "/api/v1/auth/verify-email", {"token": token})
            return
        time.sleep(0.5)
    sys.exit(f"schemathesis users: no verification email to {address} in {outbox}")


def main():
    base, outbox, admin_email, admin_password, support_email, support_password = sys.argv[1:7]
    api = Api(base)
    _, spec = api.call("GET", "/api/v1/openapi.yaml")
    admin = login(api, admin_email, admin_password)
    tokens = {
        "admin": admin,
        "support": login(api, support_email, support_password),
        "freelancer": register(api, "freelancer@example.test", "freelancer", "Fuzz Freelancer"),
        "customer": register(api, "customer@example.test", "customer", "Fuzz Customer"),
    }

    address = "eligible@example.test"
    eligible = register(api, address, "freelancer", "Fuzz Eligible")
    verify_email(api, spec, outbox, address, admin)
    _, application = api.call("POST", "/api/v1/applications", {
        "m365_experience": "advanced",
        "us_clients_served": 12,
        "certifications": ["MS-102: Microsoft 365 Administrator"],
        "country": "DE",
        "motivation": "I run IT for a dozen small businesses and want to sell and manage their Microsoft 365 directly.",
        "links": ["https://example.com/portfolio"],
    }, eligible)
    api.call("POST", f"/api/v1/admin/applications/{application['id']}/approve", {}, admin)
    api.call("PUT", "/api/v1/me/profile", {
        "personal": {"display_name": "Fuzz Eligible", "languages": ["English", "German"], "country": "DE"},
        "business": {"occupation": "IT consultant", "skills": ["Intune", "Exchange Online"]},
    }, eligible)
    _, terms = api.call("GET", "/api/v1/terms/current")
    api.call("POST", "/api/v1/me/terms-acceptances", {"version": terms["version"]}, eligible)
    _, me = api.call("GET", "/api/v1/me", token=eligible)
    if not (me.get("freelancer") or {}).get("eligible"):
        sys.exit(f"schemathesis users: the eligible freelancer is not eligible: {me}")
    # A fresh token: the first one was issued before approval and may carry stale claims.
    tokens["eligible"] = login(api, address, PASSWORD)

    for role, token in tokens.items():
        print(f"{role}={token}")


if __name__ == "__main__":
    main()
