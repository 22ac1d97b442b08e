"""The hosting mode as the app sees it: which store, whose notebooks, and the pages shown
instead of the app when it cannot or may not go on (settings to fix, sign-in, no database).

The rules live in career_core.config and career_core.identity; this module reads Streamlit's
secrets and `st.user` and draws. It logs only the names of settings and the kinds of errors:
never a secret, a token, an email address or anything from a notebook.
"""

from __future__ import annotations

import logging
import os
import threading
import urllib.request

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.errors import StreamlitAuthError, StreamlitSecretNotFoundError
from streamlit.runtime.scriptrunner import get_script_run_ctx

from career_core import config, storage_faults
from career_core.config import ConfigError, Hosting, Mode, Problem, Provider
from career_core.database import DEFAULT_PATH
from career_core.identity import Identity, Refusal, SignInProblem, identity, refusal
from career_core.store import Store
from waypoint_ui import private_sessions
from waypoint_ui.text import md

log = logging.getLogger("waypoint")

PROVIDER_TIMEOUT = 5  # seconds to wait for a sign-in service's answer before saying it is down
SECRETS_HELP = "`.streamlit/secrets.toml` (on Streamlit Community Cloud: the app's **Settings → Secrets**)"


# --- reading the settings --------------------------------------------------------------------------


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except StreamlitSecretNotFoundError as exc:
        if getattr(exc, "error_id", None) == "no-secrets-found":
            return {}
        # Streamlit's message names the file and the line, never a value.
        raise ConfigError([Problem("secrets.toml", f"The secrets file could not be read: `{config.printable(exc, 300)}`", "Fix the line it names; the file is TOML: `key = \"value\"` lines under `[section]` headers.")]) from None


_noted: set[str] = set()
_this_run = threading.local()  # .held: (the script run's context, the configuration it read)


def current() -> Hosting:
    """The checked configuration; raises ConfigError (shown by `gate`).

    Read afresh at the start of every full run (`gate`) and kept for the rest of that run and the
    section reruns after it: a page asks a dozen times a run, and each reading of the secrets
    costs about a tenth of a millisecond. Outside a script run (tests, tools) it is read every time."""
    ctx = get_script_run_ctx(suppress_warning=True)
    held = getattr(_this_run, "held", None)
    if ctx is not None and held is not None and held[0] is ctx:
        return held[1]
    hosting = config.read(_secrets(), os.environ, f"sqlite:///{DEFAULT_PATH}")
    if ctx is not None:
        _this_run.held = (ctx, hosting)
    for note in set(hosting.notes) - _noted:  # harmless oddities: told once, to whoever runs the app
        _noted.add(note)
        log.info("Waypoint settings: %s", note)
    return hosting


def mode() -> Mode:
    return current().mode


# --- whose notebooks, where ------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _shared_store(url: str) -> Store:
    return Store(url)


def store() -> Store:
    """Local and accounts: one store per database for the whole server. Private: an in-memory
    database of this browser session alone, gone when the session ends."""
    hosting = current()
    if hosting.mode is Mode.PRIVATE:
        return private_sessions.store()
    assert hosting.database_url is not None
    return _shared_store(hosting.database_url)


def signed_in() -> Identity | None:
    """The person signed in (accounts mode), or None."""
    user = st.user.to_dict()
    if not user.get("is_logged_in"):
        return None
    return identity(user)


def owner() -> str:
    """The store's owner key for this session. Accounts mode never falls back to a shared one."""
    hosting = current()
    if hosting.mode is Mode.LOCAL:
        return "local"
    if hosting.mode is Mode.PRIVATE:
        return "private"
    who = signed_in()
    if who is None:
        raise PermissionError("Nobody is signed in.")
    return who.owner


# --- the gate: what shows instead of the app ---------------------------------------------------------


def gate() -> Hosting:
    """Return the configuration when the app may run; otherwise draw why not and stop the run."""
    _this_run.held = None  # a full run reads the settings afresh
    try:
        hosting = current()
    except ConfigError as exc:
        log.warning("Waypoint settings need fixing: %s", ", ".join(p.key for p in exc.problems))
        settings_page(exc.problems)
        st.stop()
    if hosting.mode is Mode.ACCOUNTS:
        _require_sign_in(hosting)
    try:
        store()
    except (SQLAlchemyError, OSError) as exc:  # OSError: a data folder that is missing or may not be written
        database_trouble(exc, hosting)
        st.stop()
    return hosting


def settings_page(problems: tuple[Problem, ...]) -> None:
    st.title("Waypoint needs a fix in its settings", anchor=False)
    count = "one problem" if len(problems) == 1 else f"{len(problems)} problems"
    st.write(f"The settings in {SECRETS_HELP} have {count}. Nothing has been stored or changed.")
    for p in problems:
        with st.container(border=True):
            st.markdown(f":material/error: **{p.what}**")
            st.markdown(f"**How to fix it:** {p.fix}")
            st.caption(f"Setting: {md(p.key)}")
    st.caption("After saving the file, reload this page. The README's section \"Deploy to Streamlit Community Cloud\" shows a complete example for each mode.")


def _require_sign_in(hosting: Hosting) -> None:
    if not st.user.get("is_logged_in"):
        sign_in_page(hosting)
        st.stop()
    try:
        who = identity(st.user.to_dict())
    except SignInProblem as exc:
        log.warning("Sign-in without a usable identity (no subject claim)")
        st.title("Waypoint", anchor=False)
        st.error(str(exc), icon=":material/person_off:")
        st.button("Sign out", on_click=st.logout, icon=":material/logout:")
        st.stop()
    why = refusal(who, hosting.allowed_emails)
    if why is not None:
        log.info("Sign-in refused by allowed_emails (%s)", why.value)
        st.title("Waypoint", anchor=False)
        st.warning(REFUSALS[why].format(shown=f" as {md(who.email)}" if who.email else ""), icon=":material/lock:")
        st.button("Sign out", on_click=st.logout, icon=":material/logout:")
        st.stop()


REFUSALS = {
    Refusal.NOT_LISTED: "You are signed in{shown}, but this Waypoint is only open to the addresses its team has "
                        "listed. Sign out and use your team account, or ask whoever runs it to add you.",
    Refusal.UNVERIFIED: "You are signed in{shown}, but your sign-in service has not confirmed that this address is "
                        "yours, and this Waypoint only lets in confirmed addresses. Confirm the address with your "
                        "sign-in service (or use your team account), then sign out and in again.",
    Refusal.NO_EMAIL: "You are signed in, but your sign-in service did not tell Waypoint your email address, so it "
                      "cannot check it against the addresses this team has listed. Whoever runs this Waypoint can "
                      "ask the provider to include the email address in the sign-in (the `email` scope).",
}


def sign_in_page(hosting: Hosting) -> None:
    st.title("Waypoint", anchor=False)
    st.subheader("Your career notebook", anchor=False)
    st.write(
        "Sign in to open your notebooks. Each person has their own: nobody else who signs in "
        "here can open, list or find yours."
    )
    single = len(hosting.providers) == 1
    for provider in hosting.providers:
        label = "Sign in" if single and provider.name == "default" else f"Sign in with {provider.label}"
        if st.button(label, type="primary", icon=":material/login:", key=f"login.{provider.name}"):
            if not answers(provider):
                log.warning("Sign-in provider %s could not be reached", provider.name)
                st.error(
                    f"The sign-in service{'' if single else ' ' + md(provider.label)} cannot be reached right "
                    "now, so signing in has to wait. Nothing was changed. Try again in a moment; if it keeps "
                    "happening, tell whoever runs this Waypoint (they can check the provider's "
                    "`server_metadata_url` in the settings).",
                    icon=":material/cloud_off:",
                )
                continue
            try:
                st.login(provider.login_arg)
            except StreamlitAuthError:
                log.error("Sign-in could not start: the [auth] settings were refused")
                st.error(
                    "Sign-in could not start: Streamlit refused the [auth] settings. Check redirect_uri, "
                    "cookie_secret and the provider's client_id, client_secret and server_metadata_url.",
                    icon=":material/error:",
                )
    st.caption("Waypoint only learns who you are from the sign-in; it keeps nothing else about you.")


def answers(provider: Provider) -> bool:
    """Whether the provider serves its OpenID configuration. Streamlit's sign-in route fetches it
    first and, when that fails, leaves the person on a bare "Authentication error" page."""
    if not provider.metadata_url:
        return True
    try:
        with urllib.request.urlopen(provider.metadata_url, timeout=PROVIDER_TIMEOUT) as answer:
            return answer.status == 200
    except (OSError, ValueError):
        return False


def database_trouble(exc: BaseException, hosting: Hosting | None = None) -> None:
    """The database cannot be used: say what is wrong as what it is (a read-only file, a full disk,
    a missing folder, a server that does not answer), and keep the details out of the logs."""
    trouble = storage_faults.diagnose(exc, md(hosting.database_label) if hosting else "")
    log.error("Database unavailable: %s (%s)", trouble.fault.value, type(exc).__name__)
    st.error(trouble.message, icon=":material/cloud_off:")  # the core's fixed words, the place escaped
    st.caption(f"**What to do:** {trouble.fix}")
    st.button("Try again", icon=":material/refresh:")


# --- telling people where their notebook lives -----------------------------------------------------


def storage_sentence() -> str:
    """One sentence for first-time visitors: where the notebook will be kept."""
    match mode():
        case Mode.PRIVATE:
            return ("Nothing is stored on the server: your notebook lives in this browser tab until you "
                    "download it, and you can upload it again next time.")
        case Mode.ACCOUNTS:
            return "Your notebooks are kept in this team's database, where only you can open them."
        case _:
            return "Everything stays on this computer."
