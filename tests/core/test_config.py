"""Hosting settings: every mode, every way to get them wrong, and messages that never leak a secret."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_core.config import ConfigError, Mode, Provider, describe_database, read

DEFAULT = "sqlite:////srv/waypoint/data/waypoint.db"
SECRET = "s3cr3t-Pa55word-never-shown"
COOKIE = "c" * 40
PG = f"postgresql://waypoint:{SECRET}@db.example.com:5432/waypoint?sslmode=require"
GOOGLE = "https://accounts.google.com/.well-known/openid-configuration"


def auth(**changes):
    """A complete [auth] section for one unnamed provider; changes override or (None) remove keys."""
    section = {
        "redirect_uri": "https://waypoint.example.com/oauth2callback",
        "cookie_secret": COOKIE,
        "client_id": "id-123",
        "client_secret": SECRET,
        "server_metadata_url": GOOGLE,
    }
    section.update(changes)
    return {k: v for k, v in section.items() if v is not None}


def accounts(**waypoint):
    return {"waypoint": {"mode": "accounts", "database_url": PG, **waypoint}, "auth": auth()}


# --- settings that work --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("secrets", "env", "mode", "database"),
    [
        ({}, {}, Mode.LOCAL, DEFAULT),
        ({"waypoint": {}}, {}, Mode.LOCAL, DEFAULT),
        ({"waypoint": {"mode": "local"}}, {}, Mode.LOCAL, DEFAULT),
        ({"waypoint": {"mode": "  Local "}}, {}, Mode.LOCAL, DEFAULT),
        ({"waypoint": {"database_url": "sqlite:////home/me/w.db"}}, {}, Mode.LOCAL, "sqlite:////home/me/w.db"),
        ({"waypoint": {"database_url": PG}}, {}, Mode.LOCAL, PG),
        ({"waypoint": {"database_url": PG}}, {"WAYPOINT_DATABASE_URL": "sqlite:////tmp/x.db"}, Mode.LOCAL, "sqlite:////tmp/x.db"),
        ({"waypoint": {"database_url": "   "}}, {}, Mode.LOCAL, DEFAULT),
        (accounts(), {}, Mode.ACCOUNTS, PG),
        (accounts(database_url="postgres://u:p@host/db"), {}, Mode.ACCOUNTS, "postgres://u:p@host/db"),
        ({"waypoint": {"mode": "accounts"}, "auth": auth()}, {"WAYPOINT_DATABASE_URL": PG}, Mode.ACCOUNTS, PG),
        ({"waypoint": {"mode": "private"}}, {}, Mode.PRIVATE, None),
        ({"waypoint": {"mode": "private", "database_url": PG}}, {}, Mode.PRIVATE, None),
    ],
    ids=["no secrets", "empty section", "local", "case and spaces", "sqlite file", "postgres", "env wins",
         "blank url", "accounts", "postgres:// scheme", "accounts, url from env", "private", "private ignores url"],
)
def test_settings_that_work(secrets, env, mode, database):
    hosting = read(secrets, env, DEFAULT)
    assert (hosting.mode, hosting.database_url) == (mode, database)


def test_private_mode_says_a_database_url_is_not_used():
    hosting = read({"waypoint": {"mode": "private", "database_url": PG}}, {}, DEFAULT)
    assert hosting.database_label == "this browser session only"
    assert any("not used" in n for n in hosting.notes)


@pytest.mark.parametrize(
    ("auth_section", "providers"),
    [
        (auth(), [Provider("default", GOOGLE)]),
        ({"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": COOKIE,
          "google": {"client_id": "a", "client_secret": "b", "server_metadata_url": GOOGLE},
          "microsoft": {"client_id": "c", "client_secret": "d",
                        "server_metadata_url": "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration"}},
         [Provider("google", GOOGLE),
          Provider("microsoft", "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration")]),
        (auth(client_kwargs={"prompt": "login"}), [Provider("default", GOOGLE)]),
        (auth(redirect_uri="http://localhost:{port}/oauth2callback"), [Provider("default", GOOGLE)]),
    ],
    ids=["one unnamed", "two named", "client_kwargs is not a provider", "port placeholder"],
)
def test_sign_in_providers_are_found_as_st_login_finds_them(auth_section, providers):
    hosting = read({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth_section}, {}, DEFAULT)
    assert list(hosting.providers) == providers


@pytest.mark.parametrize(
    ("provider", "login_arg", "label"),
    [(Provider("default"), None, "Default"), (Provider("google"), "google", "Google"), (Provider("my-idp"), "my-idp", "My Idp")],
)
def test_provider_login_argument_and_label(provider, login_arg, label):
    assert (provider.login_arg, provider.label) == (login_arg, label)


@pytest.mark.parametrize(
    ("entries", "kept"),
    [
        (["@Example.com"], ("@example.com",)),
        (["ana@example.com", "@coach.org"], ("ana@example.com", "@coach.org")),
        ([], ()),
    ],
)
def test_allowed_emails_are_read_in_accounts_mode(entries, kept):
    assert read(accounts(allowed_emails=entries), {}, DEFAULT).allowed_emails == kept


def test_allowed_emails_outside_accounts_mode_are_ignored_with_a_note():
    hosting = read({"waypoint": {"allowed_emails": ["@example.com"]}}, {}, DEFAULT)
    assert hosting.allowed_emails == () and any("only applies in accounts mode" in n for n in hosting.notes)


# --- settings that are wrong: one clear problem each ---------------------------------------------


@pytest.mark.parametrize(
    ("secrets", "env", "key", "says", "fix_says"),
    [
        ({"waypoint": "accounts"}, {}, "[waypoint]", "not a section", "[waypoint]"),
        ({"waypoint": {"mode": "acounts"}}, {}, "[waypoint] mode", '"acounts"', 'Did you mean "accounts"?'),
        ({"waypoint": {"mode": "team"}}, {}, "[waypoint] mode", "not a mode", '"accounts"'),
        ({"waypoint": {"mode": 1}}, {}, "[waypoint] mode", "must be text", 'mode = "local"'),
        ({"waypoint": {"databse_url": PG}}, {}, "[waypoint] databse_url", "not a setting", "Did you mean `database_url`?"),
        ({"waypoint": {"database_url": "not a url"}}, {}, "[waypoint] database_url", "not a database URL", "postgresql://"),
        ({"waypoint": {"database_url": 5432}}, {}, "[waypoint] database_url", "must be text", "database_url ="),
        ({"waypoint": {"database_url": "mysql://u:p@h/db"}}, {}, "[waypoint] database_url", "`mysql` databases are not supported", "PostgreSQL"),
        ({"waypoint": {"database_url": "postgresql+psycopg2://u@h/db"}}, {}, "[waypoint] database_url", "psycopg2", 'Start the URL with "postgresql://"'),
        ({"waypoint": {"database_url": "postgresql://u:p@/db"}}, {}, "[waypoint] database_url", "names no server", "host"),
        ({"waypoint": {"database_url": "postgresql://u:p@host"}}, {}, "[waypoint] database_url", "names no database", "database name"),
        ({}, {"WAYPOINT_DATABASE_URL": "nonsense"}, "WAYPOINT_DATABASE_URL", "environment variable", "postgresql://"),
        ({"waypoint": {"mode": "accounts"}, "auth": auth()}, {}, "[waypoint] database_url", "needs a database", "Neon or Supabase"),
        (accounts(database_url="sqlite://"), {}, "[waypoint] database_url", "in-memory", 'mode = "private"'),
        ({"waypoint": {"mode": "accounts", "database_url": PG}}, {}, "[auth]", "no [auth] section", "redirect_uri"),
        ({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(redirect_uri=None)}, {}, "[auth] redirect_uri", "missing", "/oauth2callback"),
        ({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(redirect_uri="waypoint.example.com")}, {}, "[auth] redirect_uri", "full http(s) address", "oauth2callback"),
        ({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(redirect_uri="https://w.example.com/callback")}, {}, "[auth] redirect_uri", "ending in /oauth2callback", "oauth2callback"),
        ({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(cookie_secret=None)}, {}, "[auth] cookie_secret", "missing", "secrets.token_hex"),
        ({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(cookie_secret="short")}, {}, "[auth] cookie_secret", "too short (5 characters)", "at least 32"),
        ({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(client_secret=None)}, {}, "[auth]", "missing `client_secret`", "client id and secret"),
        ({"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(server_metadata_url="https://accounts.google.com")}, {}, "[auth] server_metadata_url", "not an OpenID configuration address", ".well-known/openid-configuration"),
        ({"waypoint": {"mode": "accounts", "database_url": PG},
          "auth": {"redirect_uri": "https://w.example.com/oauth2callback", "cookie_secret": COOKIE}}, {}, "[auth]", "names no sign-in provider", "[auth.google]"),
        ({"waypoint": {"mode": "accounts", "database_url": PG},
          "auth": {**auth(), "my_idp": {"client_id": "a", "client_secret": "b", "server_metadata_url": GOOGLE}}}, {}, "[auth.my_idp]", "underscore", "[auth.my-idp]"),
        ({"waypoint": {"mode": "accounts", "database_url": PG},
          "auth": {"redirect_uri": "https://w.example.com/oauth2callback", "cookie_secret": COOKIE, "google": {"client_id": "a"}}},
         {}, "[auth.google]", "missing `client_secret`, `server_metadata_url`", "openid-configuration"),
        (accounts(allowed_emails="@example.com"), {}, "[waypoint] allowed_emails", "must be a list", "allowed_emails = ["),
        (accounts(allowed_emails=["example.com"]), {}, "[waypoint] allowed_emails", "neither an email address nor @domain", "@ and a domain"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None,
)
def test_a_wrong_setting_says_what_is_wrong_and_how_to_fix_it(secrets, env, key, says, fix_says):
    with pytest.raises(ConfigError) as caught:
        read(secrets, env, DEFAULT)
    problem = next((p for p in caught.value.problems if p.key == key), None)
    assert problem is not None, [p.key for p in caught.value.problems]
    assert says in problem.what
    assert fix_says in problem.fix


def test_every_problem_is_reported_at_once():
    secrets = {"waypoint": {"mode": "accounts", "databse_url": PG}, "auth": auth(cookie_secret="x", redirect_uri=None)}
    with pytest.raises(ConfigError) as caught:
        read(secrets, {}, DEFAULT)
    assert {p.key for p in caught.value.problems} == {
        "[waypoint] databse_url", "[waypoint] database_url", "[auth] cookie_secret", "[auth] redirect_uri",
    }


@pytest.mark.parametrize(
    "secrets",
    [
        {"waypoint": {"database_url": f"postgresql://u:{SECRET}@/db"}},
        {"waypoint": {"database_url": f"postgresql://u:{SECRET}@host"}},
        {"waypoint": {"mode": "accounts", "database_url": f"mysql://u:{SECRET}@h/db"}, "auth": auth(cookie_secret=SECRET[:10])},
        {"waypoint": {"mode": "accounts", "database_url": PG}, "auth": auth(client_id=None)},
        {"waypoint": {"mode": "accounts", "database_url": "sqlite://"}, "auth": auth(cookie_secret="tiny")},
    ],
)
def test_no_message_quotes_a_secret(secrets):
    with pytest.raises(ConfigError) as caught:
        read(secrets, {}, DEFAULT)
    for p in caught.value.problems:
        for text in (p.key, p.what, p.fix, str(caught.value)):
            assert SECRET not in text and SECRET[:10] not in text and "tiny" not in text


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (PG, "postgresql://waypoint:***@db.example.com:5432/waypoint"),
        ("postgresql://u@host/db", "postgresql://u@host/db"),
        ("postgresql+psycopg://u:p@h/db", "postgresql://u:***@h/db"),
        ("sqlite:////srv/w.db", "SQLite file /srv/w.db"),
        ("sqlite://", "SQLite in memory"),
        ("::", "(not a database URL)"),
    ],
)
def test_database_descriptions_hide_the_password(url, shown):
    assert describe_database(url) == shown


@given(st.text(max_size=60))
def test_any_typed_mode_is_either_a_mode_or_a_clear_problem(typed):
    valid = typed.strip().lower() in {"local", "accounts", "private"}
    try:
        hosting = read({"waypoint": {"mode": typed, "database_url": PG}, "auth": auth()}, {}, DEFAULT)
    except ConfigError as exc:
        assert not valid
        (problem,) = exc.problems
        assert problem.key == "[waypoint] mode"
        # the typed text sits inside one code span and cannot end it early
        assert problem.what.count("`") == 2 and problem.what.startswith("`mode = ")
    else:
        assert valid and hosting.mode.value == typed.strip().lower()
