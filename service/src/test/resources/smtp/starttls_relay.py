"""A loopback SMTP relay that behaves like Amazon SES's SMTP interface on port 587: STARTTLS before anything else,
then AUTH, then mail. Each message is appended to a file with a first line saying how the session was secured.

usage: python3 starttls_relay.py PORT CERT.pem KEY.pem USER PASSWORD OUTFILE   (stops when stdin closes)
"""
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, user, password, out = sys.argv[1:7]


class Store:
    async def handle_DATA(self, server, session, envelope):
        with open(out, "ab") as f:
            login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else ""
            f.write(("SESSION tls=%s auth=%s\n" % (session.ssl is not None, login)).encode())
            f.write(envelope.content + b"\n.\n")
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() \
        and auth_data.password == password.encode()
    return AuthResult(success=ok, auth_data=auth_data)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Store(), hostname="127.0.0.1", port=int(port), tls_context=context, require_starttls=True,
                        authenticator=authenticate, auth_required=True, auth_require_tls=True)
controller.start()
print("READY", flush=True)
sys.stdin.read()
controller.stop()
