#!/usr/bin/env python3
"""An Odoo stand-in for the connector's tests: the subset of Odoo's external API the connector uses, on loopback.

XML-RPC is served by Python's own xmlrpc.server, the library Odoo's rpc.py builds on; JSON-2 by http.server.
Written from Odoo's source (see README.md beside this file for the versions followed). Standard library only.

Usage: odoo_standin.py --version 17.0 --db test --login audit@example.com --key KEY --partners 100
Prints "PORT <n>" on its first line once it listens on 127.0.0.1.
"""
import argparse
import datetime
import email.utils
import json
import re
import sys
import threading
import time
import traceback
import xmlrpc.client
from http.server import ThreadingHTTPServer
from xmlrpc.server import SimpleXMLRPCDispatcher, SimpleXMLRPCRequestHandler


# ---------------------------------------------------------------- Odoo's exceptions (odoo/exceptions.py)

class UserError(Exception):
    http_status = 422
    qualified = "odoo.exceptions.UserError"


class AccessDenied(UserError):
    http_status = 401
    qualified = "odoo.exceptions.AccessDenied"


class AccessError(UserError):
    http_status = 403
    qualified = "odoo.exceptions.AccessError"


class MissingError(UserError):
    http_status = 404
    qualified = "odoo.exceptions.MissingError"


class NotFound(Exception):
    http_status = 404
    qualified = "werkzeug.exceptions.NotFound"


# ---------------------------------------------------------------- email_normalize (odoo/tools/mail.py)

def email_split(text):
    if not text:
        return []
    return [addr for (_name, addr) in email.utils.getaddresses([text]) if addr and "@" in addr]


def normalize_one(address):
    local, at, domain = address.rpartition("@")
    try:
        local.encode("ascii")
    except UnicodeEncodeError:
        pass
    else:
        local = local.lower()
    return local + at + domain.lower()


def email_normalize(text, strict=True):
    emails = email_split(text)
    if not emails or (strict and len(emails) != 1):
        return False
    return normalize_one(emails[0])


# ---------------------------------------------------------------- the in-memory database

PARTNER_FIELDS = ("id", "name", "email", "email_normalized", "is_blacklisted", "message_bounce", "write_date",
                  "company_id", "active", "display_name")
BLACKLIST_FIELDS = ("id", "email", "active", "write_date", "display_name")
MODEL_DATA_FIELDS = ("id", "module", "name", "model", "res_id", "display_name")
MESSAGE_FIELDS = ("id", "model", "res_id", "body", "message_type", "display_name")
COMPANY = [1, "Tu Matera S.A."]


class Database:
    def __init__(self, partners):
        self.lock = threading.RLock()
        self.clock = datetime.datetime(2025, 1, 1, 8, 0, 0)
        self.partners = {}
        self.blacklist = {}
        self.model_data = {}
        self.messages = {}
        self.write_calls = 0
        self.forbidden = set()
        for i in range(1, partners + 1):
            self._create_partner({"name": "Cliente %05d" % i, "email": "cliente%05d@ejemplo.com" % i})
            if i % 2:
                # Half the contacts came from an import and carry an external id, as after a CSV import.
                xid = len(self.model_data) + 1
                self.model_data[xid] = {"id": xid, "module": "__import__", "name": "cliente_%05d" % i,
                                        "model": "res.partner", "res_id": i}

    def now(self):
        # Odoo reads write_date at second resolution; the stand-in moves it by at least a second per write so
        # that "write_date moves on every write" holds even for two writes in the same second.
        real = datetime.datetime.now().replace(microsecond=0)
        self.clock = max(real, self.clock + datetime.timedelta(seconds=1))
        return self.clock.strftime("%Y-%m-%d %H:%M:%S")

    def _create_partner(self, vals):
        pid = len(self.partners) + 1
        rec = {"id": pid, "name": vals.get("name", False), "email": vals.get("email", False),
               "message_bounce": vals.get("message_bounce", 0), "company_id": COMPANY, "active": True,
               "write_date": self.now()}
        self.store(rec, {})
        self.partners[pid] = rec
        return pid

    def partner_view(self, rec, blacklisted=None):
        if blacklisted is None:
            blacklisted = self.blacklisted()
        view = dict(rec)
        view["is_blacklisted"] = bool(rec["email_normalized"]) and rec["email_normalized"] in blacklisted
        view["display_name"] = rec["name"]
        return view

    def blacklisted(self):
        return {b["email"] for b in self.blacklist.values() if b["active"]}

    @staticmethod
    def store(rec, vals):
        """Writes values; email_normalized is a stored computed field in Odoo, recomputed here likewise."""
        rec.update(vals)
        rec["email_normalized"] = email_normalize(rec["email"], strict=False)

    def table(self, model):
        if model == "res.partner":
            blacklisted = self.blacklisted()
            return self.partners, PARTNER_FIELDS, lambda r: self.partner_view(r, blacklisted)
        if model == "mail.blacklist":
            return self.blacklist, BLACKLIST_FIELDS, lambda r: dict(r, display_name=r["email"])
        if model == "ir.model.data":
            return self.model_data, MODEL_DATA_FIELDS, lambda r: dict(r, display_name=r["module"] + "." + r["name"])
        if model == "mail.message":
            return self.messages, MESSAGE_FIELDS, lambda r: {f: r.get(f, False) for f in MESSAGE_FIELDS}
        raise NotFound("the model %r does not exist" % model)


def check_fields(model, names, known):
    for name in names:
        if name not in known:
            raise ValueError("Invalid field %r on model %r" % (name, model))


def evaluate(domain, view, model, known):
    """Polish-notation domains with &, |, ! and the operators the connector uses."""
    stack = []
    for term in reversed(domain or []):
        if term in ("&", "|"):
            a, b = stack.pop(), stack.pop()
            stack.append((a and b) if term == "&" else (a or b))
        elif term == "!":
            stack.append(not stack.pop())
        else:
            field, op, value = term
            check_fields(model, [field], known)
            stack.append(compare(view[field], op, value))
    return all(stack)


def compare(left, op, right):
    if op == "=":
        return left == right
    if op == "!=":
        return left != right
    if op in (">", "<", ">=", "<="):
        if left is False:
            return False
        return {">": left > right, "<": left < right, ">=": left >= right, "<=": left <= right}[op]
    if op == "in":
        return left in right
    if op == "not in":
        return left not in right
    if op == "=ilike":
        return isinstance(left, str) and left.lower() == str(right).lower()
    if op == "ilike":
        return isinstance(left, str) and str(right).lower() in left.lower()
    raise ValueError("Invalid leaf operator %r" % op)


class Env:
    """The model methods the connector calls, with Odoo's conventions (False for empty, all-or-nothing write)."""

    def __init__(self, db):
        self.db = db

    def call(self, model, method, ids, args, kwargs):
        if method.startswith("_"):
            raise AccessError("Private methods (such as %s.%s) cannot be called remotely." % (model, method))
        handler = getattr(self, method.replace(".", "_"), None)
        if handler is None or method not in ("search_read", "read", "search_count", "write", "create",
                                             "message_post"):
            raise AttributeError("The method '%s' does not exist on the model '%s'" % (method, model))
        context = kwargs.pop("context", {}) or {}
        with self.db.lock:
            return handler(model, list(ids or []), list(args), kwargs, context)

    def _rows(self, model, domain, context):
        table, known, view = self.db.table(model)
        active_test = context.get("active_test", True)
        rows = []
        for rec in table.values():
            v = view(rec)
            if active_test and not v.get("active", True):
                continue
            if evaluate(domain, v, model, known):
                rows.append(v)
        return rows, known

    def search_read(self, model, ids, args, kw, context):
        names = ("domain", "fields", "offset", "limit", "order")
        params = dict(zip(names, args))
        params.update(kw)
        rows, known = self._rows(model, params.get("domain") or [], context)
        fields = params.get("fields") or list(known)
        check_fields(model, fields, known)
        for part in reversed([p.strip() for p in (params.get("order") or "id").split(",")]):
            key, _, direction = part.partition(" ")
            check_fields(model, [key], known)
            rows.sort(key=lambda r: (r[key] is False, r[key]), reverse=direction.strip().lower() == "desc")
        offset = params.get("offset") or 0
        limit = params.get("limit")
        rows = rows[offset:offset + limit] if limit else rows[offset:]
        return [{f: r[f] for f in ["id"] + [f for f in fields if f != "id"]} for r in rows]

    def search_count(self, model, ids, args, kw, context):
        domain = args[0] if args else kw.get("domain", [])
        return len(self._rows(model, domain, context)[0])

    def read(self, model, ids, args, kw, context):
        table, known, view = self.db.table(model)
        fields = (args[0] if args else kw.get("fields")) or list(known)
        check_fields(model, fields, known)
        missing = [i for i in ids if i not in table]
        if missing:
            raise MissingError("Record does not exist or has been deleted.\n(Record: %s(%s,), User: 2)"
                               % (model, missing[0]))
        views = [view(table[i]) for i in ids]
        return [{f: v[f] for f in ["id"] + [f for f in fields if f != "id"]} for v in views]

    def write(self, model, ids, args, kw, context):
        vals = args[0] if args else kw.get("vals")
        table, known, _view = self.db.table(model)
        check_fields(model, vals.keys(), known)
        self.db.write_calls += 1
        # Checked for every record before any change: an access error aborts the whole call, as Odoo's
        # transaction rollback does.
        for i in ids:
            if i not in table:
                raise MissingError("Record does not exist or has been deleted.\n(Record: %s(%s,), User: 2)"
                                   % (model, i))
            if model == "res.partner" and i in self.db.forbidden:
                raise AccessError("Uh-oh! Looks like you have stumbled upon some top-secret records.\n\n"
                                  "Sorry, Audit (id=2) doesn't have 'write' access to:\n"
                                  "- Contact, %s (res.partner: %s)" % (table[i]["name"], i))
        if model == "mail.blacklist" and "email" in vals:
            vals = dict(vals, email=email_normalize(vals["email"]))
        stamp = self.db.now()
        for i in ids:
            if model == "res.partner":
                self.db.store(table[i], vals)
            else:
                table[i].update(vals)
            table[i]["write_date"] = stamp
        return True

    def create(self, model, ids, args, kw, context):
        vals_list = args[0] if args else kw.get("vals_list")
        if isinstance(vals_list, dict):
            vals_list = [vals_list]
        if model == "res.partner":
            return [self.db._create_partner(v) for v in vals_list]
        # mail.blacklist.create (mail/models/mail_blacklist.py): normalizes, and returns an existing entry,
        # archived or not, instead of creating a duplicate.
        result = []
        for vals in vals_list:
            address = email_normalize(vals.get("email"))
            if not address:
                raise UserError("Invalid email address \u201c%s\u201d" % vals.get("email"))
            existing = [b["id"] for b in self.db.blacklist.values() if b["email"] == address]
            if existing:
                result.append(existing[0])
                continue
            bid = len(self.db.blacklist) + 1
            self.db.blacklist[bid] = {"id": bid, "email": address, "active": vals.get("active", True),
                                      "write_date": self.db.now()}
            result.append(bid)
        return result

    def message_post(self, model, ids, args, kw, context):
        if model != "res.partner":
            raise AttributeError("The method 'message_post' does not exist on the model '%s'" % model)
        if len(ids) != 1:
            raise ValueError("Expected singleton: %s(%s)" % (model, ", ".join(map(str, ids))))
        if ids[0] not in self.db.partners:
            raise MissingError("Record does not exist or has been deleted.\n(Record: %s(%s,), User: 2)"
                               % (model, ids[0]))
        mid = len(self.db.messages) + 1
        self.db.messages[mid] = {"id": mid, "model": model, "res_id": ids[0], "body": kw.get("body", ""),
                                 "message_type": kw.get("message_type", "notification"),
                                 "subtype_xmlid": kw.get("subtype_xmlid"), "display_name": False}
        return mid


# ---------------------------------------------------------------- the server

class Standin:
    def __init__(self, options):
        self.options = options
        self.db = Database(options.partners)
        self.env = Env(self.db)
        self.major = int(options.version.split("~")[-1].split(".")[0])
        minor = int(options.version.split(".")[1]) if "." in options.version else 0
        first = options.version.split(".")[0] if options.version.startswith("saas~") else self.major
        self.version_info = [first, minor, 0, "final", 0, ""]
        self.delay = 0.0
        self.gateway_errors = 0
        self.garbage = None
        self.lose_answers = 0
        self.requests = 0

    # -- /xmlrpc/2/common and /xmlrpc/2/object (odoo/service/common.py, odoo/service/model.py)
    def version(self):
        return {"server_version": self.options.version, "server_version_info": self.version_info,
                "server_serie": self.options.version, "protocol_version": 1}

    def check_db(self, db):
        if db != self.options.db:
            raise OperationalError('connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: '
                                   'FATAL:  database "%s" does not exist' % db)

    def authenticate(self, db, login, key, _user_agent_env):
        self.check_db(db)
        return 2 if (login, key) == (self.options.login, self.options.key) else False

    def execute_kw(self, db, uid, key, model, method, args, kwargs=None):
        self.check_db(db)
        if uid != 2 or key != self.options.key:
            raise AccessDenied("Access Denied")
        args = list(args)
        ids = []
        if method not in ("search_read", "search_count", "create") and args:
            ids = args.pop(0)
        return self.env.call(model, method, ids, args, dict(kwargs or {}))


class OperationalError(Exception):
    qualified = "psycopg2.OperationalError"


def xmlrpc_fault(error):
    """odoo/addons/base/controllers/rpc.py xmlrpc_handle_exception_int."""
    if isinstance(error, AccessError):
        return xmlrpc.client.Fault(4, str(error))
    if isinstance(error, AccessDenied):
        return xmlrpc.client.Fault(3, str(error))
    if isinstance(error, UserError):
        return xmlrpc.client.Fault(2, str(error))
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    name = getattr(error, "qualified", type(error).__name__)
    return xmlrpc.client.Fault(1, text.rstrip().rsplit("\n", 1)[0] + "\n%s: %s\n" % (name, error))


class OdooDispatcher(SimpleXMLRPCDispatcher):
    def __init__(self, standin, methods):
        super().__init__(allow_none=False, encoding="utf-8")
        for name in methods:
            self.register_function(self._guard(getattr(standin, name)), name)

    @staticmethod
    def _guard(function):
        def guarded(*params):
            try:
                return function(*params)
            except xmlrpc.client.Fault:
                raise
            except Exception as error:  # every error becomes a fault, as Odoo's controller does
                raise xmlrpc_fault(error)
        return guarded


def make_handler(standin):
    common = OdooDispatcher(standin, ["version", "authenticate"])
    obj = OdooDispatcher(standin, ["execute_kw"])

    class Handler(SimpleXMLRPCRequestHandler):
        rpc_paths = ()
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def log_request(self, *args):
            pass

        def do_POST(self):
            standin.requests += 1
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length) if length else b""
            self.request_body = body
            if self.path.startswith("/__standin__/"):
                return self.control(json.loads(body or b"{}"))
            if standin.delay:
                time.sleep(standin.delay)
            if standin.gateway_errors > 0:
                standin.gateway_errors -= 1
                return self.answer(503, "text/html", b"<html><body>503 Service Unavailable</body></html>")
            if standin.garbage is not None:
                return self.answer(200, "text/xml", standin.garbage.encode("utf-8"))
            if self.path in ("/xmlrpc/2/common", "/xmlrpc/2/object"):
                dispatcher = common if self.path.endswith("common") else obj
                response = dispatcher._marshaled_dispatch(body)
                return self.answer_or_lose(200, "text/xml", response)
            if self.path.startswith("/json/2/") and standin.major >= 19:
                return self.json2(body)
            return self.answer(404, "text/html", b"<!doctype html><title>404 Not Found</title>")

        def answer_or_lose(self, status, content_type, payload):
            """The call is done; with lose_answers its answer is replaced by a proxy's 502 (a lost answer)."""
            posting = self.path.endswith("/message_post") or b"<string>message_post</string>" in self.request_body
            if standin.lose_answers > 0 and posting:
                standin.lose_answers -= 1
                return self.answer(502, "text/html", b"<html><body>502 Bad Gateway</body></html>")
            return self.answer(status, content_type, payload)

        def json2(self, body):
            """addons/rpc/controllers/json2.py (19.0): ids and context by name, the rest as the method's kwargs."""
            parts = self.path.split("/")
            try:
                if len(parts) != 5:
                    raise NotFound("Did you mean POST /json/2/<model>/<method>?")
                model, method = parts[3], parts[4]
                if self.headers.get("X-Odoo-Database", standin.options.db) != standin.options.db:
                    raise NotFound("database %r not found" % self.headers.get("X-Odoo-Database"))
                auth = self.headers.get("Authorization", "")
                if not auth.lower().startswith("bearer ") or auth[7:] != standin.options.key:
                    raise AccessDenied("Invalid apikey")
                params = json.loads(body) if body else {}
                if not isinstance(params, dict):
                    raise UserError("could not parse the body, expecting a json object")
                ids = params.pop("ids", [])
                result = standin.env.call(model, method, ids, [], params)
                if method == "message_post":
                    result = [result]  # a recordset answers as its ids
                return self.answer_or_lose(200, "application/json", json.dumps(result).encode("utf-8"))
            except Exception as error:
                status = getattr(error, "http_status", 500)
                name = getattr(error, "qualified", "builtins." + type(error).__name__)
                payload = {"name": name, "message": str(error), "arguments": [str(error)], "context": {},
                           "debug": traceback.format_exc()}
                return self.answer(status, "application/json", json.dumps(payload).encode("utf-8"))

        def control(self, command):
            """Test hooks, not part of Odoo: edit like a clerk, forbid records, inject faults, inspect state."""
            db = standin.db
            with db.lock:
                action = command.get("action")
                result = True
                if action == "edit":
                    rec = db.partners[command["id"]]
                    db.store(rec, command["values"])
                    rec["write_date"] = db.now()
                elif action == "forbid":
                    db.forbidden = set(command["ids"])
                elif action == "faults":
                    standin.delay = command.get("delay", 0)
                    standin.gateway_errors = command.get("gateway_errors", 0)
                    standin.garbage = command.get("garbage")
                    standin.lose_answers = command.get("lose_answers", 0)
                elif action == "add_partners":
                    result = [db._create_partner(v) for v in command["partners"]]
                elif action == "archive_blacklist":
                    for b in db.blacklist.values():
                        if b["email"] == command["email"]:
                            b["active"] = False
                elif action == "state":
                    result = {"write_calls": db.write_calls, "messages": list(db.messages.values()),
                              "blacklist": list(db.blacklist.values()), "requests": standin.requests,
                              "partners": [db.partner_view(db.partners[i]) for i in command.get("ids", [])]}
                else:
                    return self.answer(400, "application/json", b'"unknown action"')
            return self.answer(200, "application/json", json.dumps(result).encode("utf-8"))

        def answer(self, status, content_type, payload):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--version", default="17.0")
    parser.add_argument("--db", default="test")
    parser.add_argument("--login", default="audit@example.com")
    parser.add_argument("--key", default="key")
    parser.add_argument("--partners", type=int, default=0)
    parser.add_argument("--port", type=int, default=0)
    options = parser.parse_args()
    standin = Standin(options)
    server = ThreadingHTTPServer(("127.0.0.1", options.port), make_handler(standin))
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
