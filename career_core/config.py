"""How this copy of Waypoint is hosted, read from `.streamlit/secrets.toml` and checked whole.

Three modes (DESIGN.md, "Modes and storage"):
- local: one person on their own computer; notebooks in a SQLite file (or a URL you give).
- accounts: a team; everyone signs in with Streamlit's OpenID Connect sign-in (`[auth]`) and
  sees only their own notebooks, kept in the database named by `database_url`.
- private: a public demo; nothing is kept on the server, the notebook lives in the browser
  session and leaves it only as a downloaded file.

`read` takes the parsed secrets and the environment and returns a `Hosting`, or raises
`ConfigError` listing every problem at once, each with what is wrong and how to fix it. No
message ever quotes a secret: passwords in database URLs are masked, client and cookie secrets
are named, never shown.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

ENV_DATABASE_URL = "WAYPOINT_DATABASE_URL"
SECTION = "waypoint"
KEYS = ("mode", "database_url", "allowed_emails")

# Streamlit's own rules for [auth] (see st.login): the keys every provider needs.
AUTH_PROVIDER = ("client_id", "client_secret", "server_metadata_url")
MIN_COOKIE_SECRET = 32

# Waypoint talks to PostgreSQL through psycopg 3; these spellings all mean that.
POSTGRES_DRIVERS = ("postgresql", "postgres", "postgresql+psycopg")
SQLITE_DRIVERS = ("sqlite", "sqlite+pysqlite")

EXAMPLE_POSTGRES = "postgresql://USER:PASSWORD@HOST:5432/DATABASE?sslmode=require"
GENERATE_SECRET = 'python -c "import secrets; print(secrets.token_hex(32))"'


class Mode(StrEnum):
    LOCAL = "local"
    ACCOUNTS = "accounts"
    PRIVATE = "private"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the configuration: where, what, and the fix."""

    key: str  # e.g. "[waypoint] mode": safe to log, names the place and never a value
    what: str
    fix: str


class ConfigError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.key for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Provider:
    """A sign-in service configured under [auth]; `name` is what `st.login` takes."""

    name: str  # "default" for the keys directly under [auth]
    metadata_url: str = ""  # its OpenID configuration address, to tell whether it can be reached

    @property
    def login_arg(self) -> str | None:
        return None if self.name == "default" else self.name

    @property
    def label(self) -> str:
        known = {"google": "Google", "microsoft": "Microsoft", "github": "GitHub", "okta": "Okta", "auth0": "Auth0"}
        return known.get(self.name.lower(), self.name.replace("-", " ").title())


@dataclass(frozen=True, slots=True)
class Hosting:
    mode: Mode
    database_url: str | None  # None in private mode: nothing is stored on the server
    database_from: str = ""  # where the URL came from, for messages
    providers: tuple[Provider, ...] = ()
    allowed_emails: tuple[str, ...] = ()  # addresses and "@domain" entries; empty: anyone who signs in
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def database_label(self) -> str:
        """The database for people to read: kind and place, never the password."""
        return describe_database(self.database_url) if self.database_url else "this browser session only"


def read(secrets: Mapping[str, Any], environ: Mapping[str, str], default_database: str) -> Hosting:
    """Check the whole configuration; raise ConfigError with every problem found."""
    problems: list[Problem] = []
    section = secrets.get(SECTION, {})
    if not isinstance(section, Mapping):
        raise ConfigError([
            Problem(
                f"[{SECTION}]",
                f"`{SECTION}` in secrets.toml is a single value, not a section.",
                f'Write it as a section: a line `[{SECTION}]` followed by `mode = "local"` (or "accounts", "private").',
            )
        ])

    for key in section:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"Did you mean `{close[0]}`? " if close else ""
            problems.append(Problem(
                f"[{SECTION}] {printable(key)}",
                f"`{printable(key)}` in [{SECTION}] is not a setting Waypoint knows.",
                f"{hint}The settings are {', '.join(f'`{k}`' for k in KEYS)}; remove or rename the line.",
            ))

    mode = _mode(section.get("mode"), problems)
    notes: list[str] = []
    database_url, database_from = None, ""
    if mode is not None and mode is not Mode.PRIVATE:
        database_url, database_from = _database(mode, section, environ, default_database, problems)
    elif mode is Mode.PRIVATE and (section.get("database_url") or environ.get(ENV_DATABASE_URL, "").strip()):
        notes.append("A database URL is set but not used: in private mode nothing is stored on the server.")
    allowed = _allowed(section.get("allowed_emails"), problems)
    providers: tuple[Provider, ...] = ()
    if mode is Mode.ACCOUNTS:
        providers = _auth(secrets.get("auth"), problems)
    elif allowed and mode is not None:
        notes.append("`allowed_emails` only applies in accounts mode; it is ignored here.")

    if problems:
        raise ConfigError(problems)
    assert mode is not None
    return Hosting(mode, database_url, database_from, providers, allowed if mode is Mode.ACCOUNTS else (), tuple(notes))


# --- the parts -----------------------------------------------------------------------------------


def _mode(value: Any, problems: list[Problem]) -> Mode | None:
    if value is None:
        return Mode.LOCAL
    names = [m.value for m in Mode]
    if not isinstance(value, str):
        problems.append(Problem(
            f"[{SECTION}] mode",
            f"`mode` must be text in quotes, not {type(value).__name__}.",
            'Write `mode = "local"`, `mode = "accounts"` or `mode = "private"`.',
        ))
        return None
    cleaned = value.strip().lower()
    if cleaned in names:
        return Mode(cleaned)
    close = difflib.get_close_matches(cleaned, names, n=1, cutoff=0.5)
    hint = f'Did you mean "{close[0]}"? ' if close else ""
    problems.append(Problem(
        f"[{SECTION}] mode",
        f'`mode = "{printable(value)}"` is not a mode Waypoint has.',
        f'{hint}Use "local" (one person, this computer), "accounts" (a team that signs in) '
        'or "private" (nothing stored on the server).',
    ))
    return None


def _database(
    mode: Mode, section: Mapping[str, Any], environ: Mapping[str, str], default: str, problems: list[Problem]
) -> tuple[str | None, str]:
    env = environ.get(ENV_DATABASE_URL, "").strip()
    raw = section.get("database_url")
    if env:
        url, source, key = env, f"the environment variable {ENV_DATABASE_URL}", ENV_DATABASE_URL
    elif raw is not None:
        if not isinstance(raw, str):
            problems.append(Problem(
                f"[{SECTION}] database_url",
                "`database_url` must be text in quotes.",
                f'Write it as `database_url = "{EXAMPLE_POSTGRES}"`.',
            ))
            return None, ""
        url, source, key = raw.strip(), f"`database_url` in [{SECTION}]", f"[{SECTION}] database_url"
    else:
        url, source, key = "", "", f"[{SECTION}] database_url"

    if not url:
        if mode is Mode.ACCOUNTS:
            problems.append(Problem(
                key,
                "Accounts mode needs a database that outlives the app: `database_url` is missing or empty.",
                f'Add `database_url = "{EXAMPLE_POSTGRES}"` to [{SECTION}], with the connection details '
                "of a PostgreSQL database (for example a free Neon or Supabase project).",
            ))
            return None, ""
        return default, "the default file under data/"

    problem = database_problem(url)
    if problem is not None:
        problems.append(Problem(key, f"{source}: {problem[0]}", problem[1]))
        return None, ""
    if mode is Mode.ACCOUNTS and _is_memory(make_url(url)):
        problems.append(Problem(
            key,
            f"{source} points to an in-memory SQLite database: every notebook would vanish when the app restarts.",
            f'Use a PostgreSQL URL such as "{EXAMPLE_POSTGRES}", or mode = "private" for a demo that stores nothing.',
        ))
        return None, ""
    return url, source


def database_problem(url: str) -> tuple[str, str] | None:
    """(what, fix) when `url` is not a database Waypoint can use; None when it is."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return (
            "this is not a database URL.",
            f'Write it like "{EXAMPLE_POSTGRES}" or "sqlite:////absolute/path/waypoint.db".',
        )
    driver = parsed.drivername
    if driver in POSTGRES_DRIVERS:
        if not parsed.host and not parsed.query.get("host"):
            return (
                f"the PostgreSQL URL `{describe_database(url)}` names no server.",
                f'Put the host after the @, like "{EXAMPLE_POSTGRES}".',
            )
        if not parsed.database:
            return (
                f"the PostgreSQL URL `{describe_database(url)}` names no database.",
                f'Put the database name after the last /, like "{EXAMPLE_POSTGRES}".',
            )
        return None
    if driver in SQLITE_DRIVERS:
        return None
    if driver.startswith("postgresql+"):
        return (
            f"Waypoint connects to PostgreSQL with psycopg 3; the driver `{driver.split('+', 1)[1]}` is not installed.",
            'Start the URL with "postgresql://" and leave the driver to Waypoint.',
        )
    return (
        f"`{driver.split('+')[0]}` databases are not supported.",
        f'Use PostgreSQL ("{EXAMPLE_POSTGRES}") or SQLite ("sqlite:////absolute/path/waypoint.db").',
    )


def describe_database(url: str) -> str:
    """A database URL with the password hidden, for pages and messages."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return "(not a database URL)"
    if parsed.drivername in SQLITE_DRIVERS:
        return "SQLite in memory" if _is_memory(parsed) else f"SQLite file {parsed.database}"
    safe = URL.create(
        parsed.drivername.split("+")[0],
        username=parsed.username,
        password=parsed.password,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
    )
    return safe.render_as_string(hide_password=True)


def _is_memory(url: URL) -> bool:
    return url.drivername in SQLITE_DRIVERS and url.database in (None, "", ":memory:")


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^@[^@\s]+\.[^@\s]+$")


def _allowed(value: Any, problems: list[Problem]) -> tuple[str, ...]:
    if value is None:
        return ()
    key = f"[{SECTION}] allowed_emails"
    fix = 'Write a list, like `allowed_emails = ["@example.com", "coach@example.org"]`: an address, or @ and a domain for everyone there.'
    if isinstance(value, str) or not isinstance(value, list):
        problems.append(Problem(key, "`allowed_emails` must be a list in square brackets.", fix))
        return ()
    entries: list[str] = []
    for entry in value:
        text = entry.strip().lower() if isinstance(entry, str) else ""
        if not (_EMAIL.match(text) or _DOMAIN.match(text)):
            problems.append(Problem(key, f"`{printable(entry)}` in `allowed_emails` is neither an email address nor @domain.", fix))
            continue
        entries.append(text)
    return tuple(entries)


def _auth(auth: Any, problems: list[Problem]) -> tuple[Provider, ...]:
    """Check [auth] the way st.login will, but say what to do about it."""
    if not isinstance(auth, Mapping) or not auth:
        problems.append(Problem(
            "[auth]",
            "Accounts mode needs a sign-in service, and secrets.toml has no [auth] section.",
            "Add an [auth] section with redirect_uri, cookie_secret, client_id, client_secret and "
            "server_metadata_url from your OpenID Connect provider (see the README, \"Deploy\").",
        ))
        return ()
    redirect = auth.get("redirect_uri")
    if not isinstance(redirect, str) or not redirect.strip():
        problems.append(Problem(
            "[auth] redirect_uri",
            "`redirect_uri` is missing: the sign-in service needs to know where to send people back.",
            'Set it to your app\'s address followed by /oauth2callback, e.g. "https://your-app.streamlit.app/oauth2callback", '
            "and register the same address with the provider.",
        ))
    elif not re.match(r"^https?://[^/\s]+", redirect) or not redirect.rstrip().endswith("/oauth2callback"):
        problems.append(Problem(
            "[auth] redirect_uri",
            f'`redirect_uri = "{printable(redirect)}"` must be a full http(s) address ending in /oauth2callback.',
            'For example "https://your-app.streamlit.app/oauth2callback" (or "http://localhost:8501/oauth2callback" on your computer).',
        ))
    secret = auth.get("cookie_secret")
    if not isinstance(secret, str) or not secret.strip():
        problems.append(Problem(
            "[auth] cookie_secret",
            "`cookie_secret` is missing: Streamlit signs the sign-in cookie with it.",
            f"Generate one with `{GENERATE_SECRET}` and paste it in quotes.",
        ))
    elif len(secret) < MIN_COOKIE_SECRET:
        problems.append(Problem(
            "[auth] cookie_secret",
            f"`cookie_secret` is too short ({len(secret)} characters): a short secret lets people forge sign-ins.",
            f"Use at least {MIN_COOKIE_SECRET} random characters; generate them with `{GENERATE_SECRET}`.",
        ))

    providers: list[Provider] = []
    if any(k in auth for k in AUTH_PROVIDER):
        providers.append(Provider("default", _text(auth.get("server_metadata_url"))))
        _provider_keys("`[auth]`", auth, problems)
    for name, value in auth.items():
        if not isinstance(value, Mapping) or name == "client_kwargs":
            continue
        shown = printable(name)
        if "_" in name:
            problems.append(Problem(
                f"[auth.{shown}]",
                f"The provider name `{shown}` contains an underscore, which Streamlit's sign-in does not allow.",
                f"Rename the section, e.g. `[auth.{shown.replace('_', '-')}]` or `[auth.{shown.replace('_', '')}]`.",
            ))
            continue
        providers.append(Provider(name, _text(value.get("server_metadata_url"))))
        _provider_keys(f"`[auth.{shown}]`", value, problems)
    if not providers:
        problems.append(Problem(
            "[auth]",
            "[auth] names no sign-in provider: client_id, client_secret and server_metadata_url are missing.",
            "Put them directly under [auth], or in a section per provider such as [auth.google].",
        ))
    return tuple(providers)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _provider_keys(where: str, section: Mapping[str, Any], problems: list[Problem]) -> None:
    missing = [k for k in AUTH_PROVIDER if not isinstance(section.get(k), str) or not section.get(k, "").strip()]
    if missing:
        problems.append(Problem(
            where.strip("`"),
            f"{where} is missing {', '.join(f'`{k}`' for k in missing)}.",
            "Copy them from your provider's app registration (client id and secret) and its OpenID "
            "configuration address, which ends in /.well-known/openid-configuration.",
        ))
    url = section.get("server_metadata_url")
    if isinstance(url, str) and url.strip() and (
        not re.match(r"^https?://[^/\s]+", url) or ".well-known/openid-configuration" not in url
    ):
        problems.append(Problem(
            f"{where.strip('`')} server_metadata_url",
            f'`server_metadata_url = "{printable(url)}"` is not an OpenID configuration address.',
            'It is a full address ending in /.well-known/openid-configuration, e.g. '
            '"https://accounts.google.com/.well-known/openid-configuration".',
        ))


def printable(value: Any, limit: int = 80) -> str:
    """A typed value fit to quote back in a message inside `code`: one line, short, no backticks."""
    text = " ".join(str(value).split()).replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
