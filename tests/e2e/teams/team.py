"""A team's Waypoint as the README sets it up: accounts mode on PostgreSQL, sign-in through a real
OpenID Connect provider (tests/oidc_server.py), secrets written exactly as the README's
"Deploy" section shows them, and the steps a person takes in the browser to sign in and out."""

from __future__ import annotations

import re
import secrets
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.e2e.conftest import Server, wait_for_app
from tests.oidc_server import (
    ACCOUNTS,
    ALLOWED_EMAILS,
    Account,
    Client,
    IdentityProvider,
)

PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


def readme_accounts_secrets() -> str:
    """The README's secrets for a team ("Accounts (a team):"), as a team would copy them."""
    readme = (ROOT / "README.md").read_text()
    found = re.search(r"Accounts \(a team\):\s*```toml\n(.*?)```", readme, re.DOTALL)
    assert found, "the README no longer shows the secrets for accounts mode"
    return textwrap.dedent(found.group(1))


def fill_in(text: str, replacements: list[tuple[str, str]]) -> str:
    """Replace each of the README's placeholders with a real value; each must be there once."""
    for placeholder, value in replacements:
        assert text.count(placeholder) == 1, f"the README's secrets no longer contain {placeholder!r} once"
        text = text.replace(placeholder, value)
    return text


@dataclass(frozen=True, slots=True)
class Registration:
    """The provider's side of a team's setup: the app registered with one provider."""

    name: str  # the section name under [auth]: "default" for the keys directly under [auth]
    provider: IdentityProvider
    client: Client


def team_secrets(database_url: str, redirect_uri: str, cookie_secret: str, registrations: list[Registration],
                 allowed_emails: tuple[str, ...] | None = ALLOWED_EMAILS) -> str:
    """secrets.toml for a team, from the README's example: one provider directly under [auth],
    or, as the README says for several, each provider's three keys in a section of its own."""
    text = readme_accounts_secrets()
    allowed = "[" + ", ".join(f'"{e}"' for e in allowed_emails) + "]" if allowed_emails else None
    single = len(registrations) == 1 and registrations[0].name == "default"
    first = registrations[0]
    text = fill_in(text, [
        ("postgresql://USER:PASSWORD@HOST/DATABASE?sslmode=require", database_url),
        ('["@your-company.example"]', allowed or "[]"),
        ("https://YOUR-APP.streamlit.app/oauth2callback", redirect_uri),
        ("AT-LEAST-32-RANDOM-CHARACTERS", cookie_secret),
        ('client_id = "FROM-YOUR-PROVIDER"', f'client_id = "{first.client.client_id}"'),
        ('client_secret = "FROM-YOUR-PROVIDER"', f'client_secret = "{first.client.client_secret}"'),
        ("https://accounts.google.com/.well-known/openid-configuration", first.provider.metadata_url),
    ])
    if allowed is None:  # the README marks allowed_emails optional: leave the line out
        text = "\n".join(line for line in text.splitlines() if not line.startswith("allowed_emails"))
    if single:
        return text
    kept = [line for line in text.splitlines() if line.split("=")[0].strip() not in PROVIDER_KEYS]
    for r in registrations:
        kept += ["", f"[auth.{r.name}]", f'client_id = "{r.client.client_id}"',
                 f'client_secret = "{r.client.client_secret}"', f'server_metadata_url = "{r.provider.metadata_url}"']
    return "\n".join(kept) + "\n"


@dataclass
class Team:
    """Providers, servers and the database of one team's deployment; closed by the fixture.
    Its servers share their secrets, as servers behind one address do; only the address the
    browser uses (and so `redirect_uri`) differs, since each test server has its own port."""

    tmp: Path
    database_url: str
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))
    providers: list[IdentityProvider] = field(default_factory=list)
    servers: list[Server] = field(default_factory=list)

    def provider(self, redirect_uris: list[str], section: str = "default", title: str = "Test ID",
                 accounts: tuple[Account, ...] = ACCOUNTS) -> Registration:
        """A provider with Waypoint registered at it (the redirect URIs of the team's servers)."""
        client = Client(f"waypoint-{secrets.token_hex(4)}", secrets.token_urlsafe(24), tuple(redirect_uris))
        provider = IdentityProvider(title, [client], accounts)
        self.providers.append(provider)
        return Registration(section, provider, client)

    def server(self, port: int, registrations: list[Registration], allowed_emails: tuple[str, ...] | None = ALLOWED_EMAILS,
               database_url: str | None = None) -> Server:
        """A Waypoint server at http://localhost:PORT; `database_url`: the team's database under
        another spelling (the benchmark names each server's connections)."""
        redirect_uri = f"http://localhost:{port}/oauth2callback"
        url = database_url or self.database_url
        text = team_secrets(url, redirect_uri, self.cookie_secret, registrations, allowed_emails)
        where = self.tmp / f"server-{len(self.servers) + 1}"
        where.mkdir()
        server = Server(where, text, database_url=url, host="localhost", port=port)
        self.servers.append(server)
        return server

    def close(self) -> None:
        for s in self.servers:
            s.stop()
        for p in self.providers:
            p.close()


# --- what a person does in the browser ---------------------------------------------------------------


def sign_in(page: Page, who: Account, button: str = "Sign in", at: str | None = None) -> None:
    """From the app's sign-in page, through the provider's own login page (the provider named
    `at`, when given), and back to the app."""
    page.get_by_role("button", name=button).click()
    heading = page.get_by_role("heading", name=f"Sign in to {at}" if at else re.compile(r"^Sign in to "))
    expect(heading).to_be_visible()
    page.get_by_label("Email").fill(who.email)
    page.get_by_label("Password").fill(who.password)
    page.get_by_role("button", name="Continue").click()
    expect(heading).to_have_count(0)
    wait_for_app(page)


def create_notebook(page: Page, title: str) -> None:
    """The first notebook of someone who has none yet."""
    expect(page.get_by_role("heading", name="Welcome to Waypoint")).to_be_visible()
    page.get_by_label("Notebook title").fill(title)
    page.get_by_role("button", name="Create my notebook").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()


def sign_out(page: Page) -> None:
    """The sidebar's Sign out, then the provider's own "sign out here too?" page, back to the app."""
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page.get_by_role("button", name=re.compile("^Sign in")).first).to_be_visible()
