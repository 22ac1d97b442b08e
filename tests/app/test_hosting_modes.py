"""The three hosting modes through the real app: local, accounts (two people), private session;
and settings that are missing or wrong, which get a page saying what to fix, never a traceback."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from streamlit.testing.v1 import AppTest

from career_core.database import ENV_VAR
from career_core.identity import owner_key
from career_core.models import Notebook
from career_core.store import Store
from tests.app.conftest import button, errors, run_app, seen, texts
from tests.conftest import free_port

ISSUER = "https://accounts.example.com"
ANA = {"is_logged_in": True, "iss": ISSUER, "sub": "ana-001", "email": "ana.pereira@example.com",
       "email_verified": True, "name": "Ana Pereira"}
BOB = {"is_logged_in": True, "iss": ISSUER, "sub": "bob-002", "email": "bob.stone@example.com",
       "email_verified": True, "name": "Bob Stone"}
ANA_OWNER = owner_key(ISSUER, "ana-001")
BOB_OWNER = owner_key(ISSUER, "bob-002")
METADATA = "https://accounts.example.com/.well-known/openid-configuration"
COOKIE_SECRET = "k3y-" + "x" * 40
CLIENT_SECRET = "client-s3cr3t-value"
AUTH = f"""
[auth]
redirect_uri = "http://localhost:8501/oauth2callback"
cookie_secret = "{COOKIE_SECRET}"
client_id = "waypoint-test"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{METADATA}"
"""


def run(user: dict | None = None, page: str | None = None, query: dict | None = None) -> AppTest:
    return run_app(page, query, user)


@pytest.fixture
def accounts(secrets_file: Callable[[str], object], store_url: str, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A team's app, on each database the store supports (SQLite and a real PostgreSQL)."""
    secrets_file('[waypoint]\nmode = "accounts"\n' + AUTH)
    monkeypatch.setenv(ENV_VAR, store_url)
    return Store(store_url)


@pytest.fixture
def private(secrets_file: Callable[[str], object], db: Store) -> Store:
    secrets_file('[waypoint]\nmode = "private"\n')
    return db


# --- local ----------------------------------------------------------------------------------------


def test_local_mode_needs_no_settings_and_no_sign_in(db: Store):
    nb = db.create("local", "Mine")
    at = run()
    assert seen(at.title[0].value) == "Mine"
    assert not [b for b in at.sidebar.button if b.label == "Sign out"]
    assert not any("Private session" in w.value for w in at.sidebar.warning)
    assert db.list("local")[0].id == nb.id


# --- accounts: sign-in, and two people who never see each other ------------------------------------


def test_accounts_mode_asks_to_sign_in_first_and_shows_nothing_else(accounts: Store):
    accounts.create(ANA_OWNER, "Ana's secret plan")
    at = run(user={"is_logged_in": False})
    assert seen(at.title[0].value) == "Waypoint"
    assert [b.label for b in at.button] == ["Sign in"]
    assert "Ana's secret plan" not in texts(at)
    assert not at.sidebar.selectbox


@pytest.fixture
def provider_metadata() -> Iterator[str]:
    """The OpenID configuration address of a sign-in service on this machine that answers."""

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            body = b'{"issuer": "http://127.0.0.1"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/openid-configuration"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("answers", [True, False], ids=["provider answers", "provider down"])
def test_sign_in_starts_only_when_the_provider_answers(secrets_file, db: Store, provider_metadata: str, answers: bool):
    url = provider_metadata if answers else f"http://127.0.0.1:{free_port()}/.well-known/openid-configuration"
    secrets_file('[waypoint]\nmode = "accounts"\n' + AUTH.replace(METADATA, url))
    at = run(user={"is_logged_in": False})
    button(at, "Sign in").click().run()  # st.login starts the redirect, or the page says why not
    assert not at.exception
    calm = [e.value for e in at.error if "cannot be reached right now" in e.value]
    assert (len(at.error), len(calm)) == ((0, 0) if answers else (1, 1))
    assert [b.label for b in at.button] == ["Sign in"]


def test_two_people_each_see_only_their_own_notebooks(accounts: Store):
    ana = run(user=ANA)
    next(t for t in ana.text_input if t.label == "Notebook title").input("Ana: head of operations")
    button(ana, "Create my notebook").click().run()
    assert seen(ana.title[0].value) == "Ana: head of operations"
    assert any("Signed in as Ana Pereira" in c.value for c in ana.sidebar.caption)

    bob = run(user=BOB)
    assert seen(bob.title[0].value) == "Welcome to Waypoint"  # Bob starts with nothing
    assert "Ana: head of operations" not in texts(bob)
    next(t for t in bob.text_input if t.label == "Notebook title").input("Bob: first team lead role")
    button(bob, "Create my notebook").click().run()

    assert [s.title for s in accounts.list(ANA_OWNER)] == ["Ana: head of operations"]
    assert [s.title for s in accounts.list(BOB_OWNER)] == ["Bob: first team lead role"]
    ana.run()
    picker = ana.sidebar.selectbox[0]
    assert picker.options == ["Ana: head of operations"]  # the picker lists titles
    bob_notebooks = run(user=BOB, page="notebook")
    assert "Ana: head of operations" not in texts(bob_notebooks)


def test_a_link_to_someone_elses_notebook_shows_nothing_of_it(accounts: Store):
    anas = accounts.create(ANA_OWNER, "Ana: leaving the company in May")
    anas.reflection.why = "Ana's reasons"
    accounts.save(ANA_OWNER, anas)
    accounts.create(BOB_OWNER, "Bob's own")
    for page in (None, "notebook", "coach"):
        at = run(user=BOB, page=page, query={"nb": anas.id})
        shown = texts(at) + " ".join(str(s.options) for s in at.selectbox)
        assert "leaving the company" not in shown and "Ana's reasons" not in shown, page
    at = run(user=BOB, query={"nb": anas.id})
    assert seen(at.title[0].value) == "Bob's own"
    assert at.query_params["nb"] != anas.id  # the address now names Bob's notebook


def test_a_person_who_signed_in_elsewhere_keeps_their_notebooks(accounts: Store):
    accounts.create(ANA_OWNER, "Ana's plan")
    again = {**ANA, "email": "ana@new-domain.example", "name": "Ana P."}
    assert seen(run(user=again).title[0].value) == "Ana's plan"


def test_sign_out_is_one_click(accounts: Store):
    at = run(user=ANA)
    button(at.sidebar, "Sign out").click().run()
    assert not at.exception
    assert at.user == {"is_logged_in": False}
    assert [b.label for b in at.button] == ["Sign in"]


def test_an_identity_without_a_subject_is_refused(accounts: Store):
    at = run(user={"is_logged_in": True, "email": "someone@example.com"})
    assert any("sub" in e for e in errors(at))
    assert [b.label for b in at.button] == ["Sign out"]


@pytest.mark.parametrize(
    ("claims", "told"),
    [
        ({"email": "eve@elsewhere.org"}, "only open to the addresses its team has listed"),
        ({"email": "eve@example.com", "email_verified": False}, "has not confirmed that this address is yours"),
        ({"email": None}, "did not tell Waypoint your email address"),
    ],
    ids=["not listed", "not verified", "no address"],
)
def test_allowed_emails_keep_strangers_out_and_say_why(secrets_file, db: Store, claims: dict, told: str):
    secrets_file('[waypoint]\nmode = "accounts"\nallowed_emails = ["@example.com"]\n' + AUTH)
    assert seen(run(user=ANA).title[0].value) == "Welcome to Waypoint"
    stranger = run(user={k: v for k, v in {**ANA, "sub": "x-9", **claims}.items() if v is not None})
    assert [w.value for w in stranger.warning if told in w.value]
    assert [b.label for b in stranger.button] == ["Sign out"]
    assert not stranger.sidebar.selectbox and db.list(owner_key(ISSUER, "x-9")) == []


def test_several_providers_get_a_button_each(secrets_file, db: Store):
    secrets_file(f"""[waypoint]
mode = "accounts"
[auth]
redirect_uri = "http://localhost:8501/oauth2callback"
cookie_secret = "{COOKIE_SECRET}"
[auth.google]
client_id = "a"
client_secret = "b"
server_metadata_url = "https://accounts.google.com/.well-known/openid-configuration"
[auth.microsoft]
client_id = "c"
client_secret = "d"
server_metadata_url = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"
""")
    at = run(user={"is_logged_in": False})
    assert [b.label for b in at.button] == ["Sign in with Google", "Sign in with Microsoft"]


# --- private session -------------------------------------------------------------------------------


def test_private_session_stores_nothing_on_the_server(private: Store, tmp_path):
    at = run()
    assert "Nothing is stored on the server" in texts(at)
    next(t for t in at.text_input if t.label == "Notebook title").input("Only in this tab")
    button(at, "Create my notebook").click().run()
    assert seen(at.title[0].value) == "Only in this tab"
    assert private.list("private") == [] and private.list("local") == []  # not in the server's database
    warning = next(w.value for w in at.sidebar.warning if "Private session" in w.value)
    assert "closing or reloading this tab loses your notebook unless you download it" in warning
    download = next(d for d in at.sidebar.get("download_button"))
    assert download.proto.label == "Download notebook"
    assert any("Not downloaded yet" in c.value for c in at.sidebar.caption)
    # another visitor (another session) starts empty
    assert seen(run().title[0].value) == "Welcome to Waypoint"


def test_private_session_uploads_a_file_and_keeps_working_on_it(private: Store):
    mine = Notebook(title="From my laptop")
    mine.vision.statement = "Head the northern division"
    at = run(page="notebook")
    at.file_uploader[0].set_value(("nb.json", mine.to_json().encode(), "application/json")).run()
    assert not at.exception
    assert any("Imported" in s.value for s in at.success)
    next(t for t in at.text_input if t.label == "Title").input("From my laptop, renamed").run()
    at.switch_page("app_pages/home.py").run()
    assert seen(at.title[0].value) == "From my laptop, renamed"
    assert private.list("private") == []


def test_private_session_start_offers_the_upload(private: Store):
    at = run()
    assert any(p.proto.label.startswith("Continue with a notebook file") for p in at.get("page_link"))


# --- settings that are missing or wrong -------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ('[waypoint]\nmode = "acounts"\n', 'Did you mean "accounts"?'),
        ('[waypoint]\nmode = "accounts"\n', "no [auth] section"),
        ('[waypoint]\nmode = "accounts"\n' + AUTH.replace(COOKIE_SECRET, "short"), "too short"),
        ('[waypoint]\nmode = "accounts"\n' + AUTH.replace('redirect_uri = "http://localhost:8501/oauth2callback"\n', ""), "redirect_uri"),
        ('[waypoint]\ndatabse_url = "sqlite:////tmp/x.db"\n', "Did you mean `database_url`?"),
        ('[waypoint]\nmode = local\n', "could not be read"),
        ('waypoint = "accounts"\n', "not a section"),
    ],
    ids=["typo in mode", "no auth", "short cookie secret", "no redirect", "typo in key", "not TOML", "not a section"],
)
def test_wrong_settings_get_a_page_that_says_what_to_fix(secrets_file, db: Store, toml, says):
    secrets_file(toml)
    at = run(user=ANA)
    assert seen(at.title[0].value) == "Waypoint needs a fix in its settings"
    page = texts(at)
    assert says in page and "How to fix it" in page
    assert not at.sidebar.selectbox  # the app itself does not run
    assert COOKIE_SECRET not in page and CLIENT_SECRET not in page


def test_accounts_mode_without_a_database_says_so(secrets_file, db: Store, monkeypatch):
    monkeypatch.delenv(ENV_VAR)
    secrets_file('[waypoint]\nmode = "accounts"\n' + AUTH)
    at = run(user=ANA)
    assert "Accounts mode needs a database" in texts(at)


def test_an_unreachable_database_gets_a_calm_page_without_the_password(secrets_file, monkeypatch, caplog):
    password = "hunter2-db-password"
    monkeypatch.setenv(ENV_VAR, f"postgresql://waypoint:{password}@/waypoint?host=/nonexistent/socket/dir")
    at = run()
    page = texts(at)
    assert "cannot reach its database" in page and "Nothing was changed or lost" in page
    assert password not in page
    assert [b.label for b in at.button] == ["Try again"]


def test_a_database_lost_mid_session_gets_the_same_calm_page(db: Store, monkeypatch):
    import psycopg
    from sqlalchemy.exc import OperationalError

    db.create("local", "Mine")
    at = run()
    assert seen(at.title[0].value) == "Mine"

    def unreachable(*args, **kwargs):
        raise OperationalError("SELECT", {}, psycopg.OperationalError("server closed the connection"))

    monkeypatch.setattr(Store, "list", unreachable)
    monkeypatch.setattr(Store, "revision_of", unreachable)
    at.run()
    assert not at.exception
    assert "cannot reach its database" in texts(at)


def test_logs_hold_no_secret_token_email_or_notebook_text(secrets_file, db: Store, monkeypatch, caplog):
    """Every path that logs: sign-in, bad settings, a database failure. None names a person."""
    caplog.set_level(logging.DEBUG)
    secrets_file('[waypoint]\nmode = "accounts"\n' + AUTH)
    ana = {**ANA, "tokens": {"id": "eyJ-id-token-value"}}
    at = run(user=ana)
    next(t for t in at.text_input if t.label == "Notebook title").input("Ana's confidential plan")
    button(at, "Create my notebook").click().run()
    run(user={"is_logged_in": True, "email": "nosub@example.com"})
    secrets_file('[waypoint]\nmode = "accounts"\n' + AUTH.replace(COOKIE_SECRET, "tiny-secret"))
    run(user=ana)
    monkeypatch.setenv(ENV_VAR, "postgresql://waypoint:db-pa55@/w?host=/nonexistent/dir")
    secrets_file('[waypoint]\nmode = "local"\n')
    run()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Database unavailable" in logged and "settings need fixing" in logged  # the log did say something
    for private in (COOKIE_SECRET, CLIENT_SECRET, "tiny-secret", "db-pa55", "eyJ-id-token-value", "ana.pereira",
                    "Ana Pereira", "nosub@example.com", "Ana's confidential plan", ANA_OWNER):
        assert private not in logged, private


def test_a_private_upload_past_what_the_demo_may_hold_waits_with_a_message(private: Store, monkeypatch):
    from waypoint_ui import private_sessions

    big = Notebook(title="A big one")
    big.vision.statement = "x" * 4_000
    data = big.to_json().encode()
    monkeypatch.setattr(private_sessions, "BUDGET_BYTES", len(data) + 1_000)  # room for one such file
    first = run(page="notebook")
    first.file_uploader[0].set_value(("nb.json", data, "application/json")).run()
    assert any("Imported" in s.value for s in first.success)
    second = run(page="notebook")  # another visitor, while the first is still here
    second.file_uploader[0].set_value(("nb.json", data, "application/json")).run()
    assert not second.exception
    assert any("holding as many large notebooks as it can" in e for e in errors(second))
    assert seen(second.title[0].value) == "Notebooks" and "A big one" not in texts(second)
    assert private_sessions.held_mb() * 2**20 <= private_sessions.BUDGET_BYTES
