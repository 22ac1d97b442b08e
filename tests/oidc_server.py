"""A real OpenID Connect provider for the sign-in tests: tests/oidc/provider.mjs, which runs the
certified `oidc-provider` package on 127.0.0.1 only (installed by `make test` with `npm ci`).

The accounts below are the people the tests sign in as. The provider vouches for their claims
exactly as written here; Waypoint sees nothing else.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.conftest import ROOT, free_port

PROVIDER_DIR = ROOT / "tests" / "oidc"
SCRIPT = PROVIDER_DIR / "provider.mjs"
START_SECONDS = 90  # Node.js loading the provider and making its key, on a busy two-core CI machine
ATTEMPTS = 2  # a start that stalls is made again once, within START_SECONDS


class ProviderUnavailable(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class Account:
    sub: str
    email: str
    email_verified: bool
    name: str
    password: str


# Person A and person B work at the team's company; Eve's address is elsewhere; Una's address is
# at the company, but the provider has not verified it.
ANA = Account("a-7f3c1e", "ana.pereira@team.example", True, "Ana Pereira", "ana-pass-1")
BEN = Account("b-92d4aa", "ben.okafor@team.example", True, "Ben Okafor", "ben-pass-2")
EVE = Account("e-5510bc", "eve@elsewhere.example", True, "Eve Stranger", "eve-pass-3")
UNA = Account("u-31c07d", "una.unverified@team.example", False, "Una Unverified", "una-pass-4")
ACCOUNTS = (ANA, BEN, EVE, UNA)
ALLOWED_EMAILS = ("@team.example",)


@dataclass(frozen=True, slots=True)
class Client:
    """An app registration at the provider, as a team makes one for Waypoint."""

    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]


def node_modules_ready() -> bool:
    return (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir()


class IdentityProvider:
    """One issuer at http://localhost:PORT, serving the accounts above to the given clients."""

    def __init__(self, name: str, clients: list[Client], accounts: tuple[Account, ...] = ACCOUNTS,
                 port: int | None = None) -> None:
        if shutil.which("node") is None or not node_modules_ready():
            raise ProviderUnavailable(
                "The sign-in tests need Node.js and the test provider's packages: run `make test` "
                "(it runs `npm ci` in tests/oidc), or `npm ci --prefix tests/oidc`."
            )
        self.name = name
        self.port = port or free_port()
        self.issuer = f"http://localhost:{self.port}"
        self.metadata_url = f"{self.issuer}/.well-known/openid-configuration"
        self.dir = Path(tempfile.mkdtemp(prefix="wp-oidc-"))
        self.log = self.dir / "provider.log"
        config = {
            "issuer": self.issuer,
            "port": self.port,
            "name": name,
            "accounts": [asdict(a) for a in accounts],
            "clients": [
                {
                    "client_id": c.client_id,
                    "client_secret": c.client_secret,
                    "redirect_uris": list(c.redirect_uris),
                    "post_logout_redirect_uris": list(c.redirect_uris),
                    "grant_types": ["authorization_code"],
                    "response_types": ["code"],
                }
                for c in clients
            ],
        }
        (self.dir / "config.json").write_text(json.dumps(config))
        self.proc: subprocess.Popen[str] | None = None
        self.start()

    def start(self) -> None:
        """Start the provider and wait until it listens (a busy CI machine can take a while).

        A start that stalls is made again once: on CI a provider was once seen printing its first
        line and nothing more for 90 seconds (the cause is not known). A process that exits is
        reported at once, with what it printed, instead of after the wait."""
        for _attempt in range(ATTEMPTS):
            lines = self._launch()
            if lines is None:
                return
            self.stop()
            if self._exited:
                break
        raise ProviderUnavailable("The test OpenID Connect provider did not start:\n" + "".join(lines))

    def _launch(self) -> list[str] | None:
        """One start: None once it listens, else what it printed before it exited or stalled."""
        self.proc = subprocess.Popen(
            ["node", str(SCRIPT), str(self.dir / "config.json")],
            cwd=PROVIDER_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        ready = threading.Event()
        lines: list[str] = []

        def pump() -> None:  # keep reading, so the provider never blocks on a full pipe
            assert self.proc is not None and self.proc.stdout is not None
            with self.log.open("a") as log:
                for line in self.proc.stdout:
                    lines.append(line)
                    log.write(line)
                    log.flush()
                    if line.startswith("ready "):
                        ready.set()

        threading.Thread(target=pump, daemon=True).start()
        waited = 0.0
        self._exited = False
        while waited < START_SECONDS / ATTEMPTS:
            if ready.wait(0.25):
                return None
            waited += 0.25
            if self.proc.poll() is not None:
                ready.wait(0.5)  # the pump's last lines
                self._exited = True
                return lines
        return lines

    def stop(self) -> None:
        """Stop the provider (a test may start it again with `start`)."""
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
