"""Log in with the national e-ID (VNeID, or any OpenID Connect provider).

- client.py: the protocol, through Authlib (PKCE, state, nonce, ID token).
- service.py: which account a log-in opens, and linking by a phone's code.
- views.py: the button, the return from the provider, the link code page.
- standin.py: a small real provider for the tests and the demo.

Settings: VNEID_* (settings.py, README "Configuration").
"""
