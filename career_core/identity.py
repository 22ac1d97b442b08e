"""Who owns a notebook in accounts mode: a stable key derived from the signed-in identity.

The owner is the OpenID Connect subject (`sub`) together with the issuer that vouches for it
(`iss`), hashed. OIDC guarantees `sub` never changes and is never reused for someone else at the
same issuer, whereas an email address can change hands or be unverified, so the email is only
shown and checked against `allowed_emails`, never used as the key. Hashing keeps the database
free of personal data: the `owner` column says nothing about who someone is, and it has a
fixed length whatever the provider's identifiers look like.

Consequence (documented in the README): signing in through a different provider, even with the
same email address, is a different person with their own notebooks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

OWNER_PREFIX = "oidc:"


class SignInProblem(Exception):
    """The sign-in worked but the identity cannot be used; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Identity:
    owner: str  # the store's owner key
    name: str  # for the sidebar: a display name, else the email, else "you"
    email: str | None
    email_verified: bool | None


def owner_key(issuer: str, subject: str) -> str:
    digest = hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()
    return OWNER_PREFIX + digest


def identity(user: Mapping[str, Any]) -> Identity:
    """The identity behind `st.user` (its claims as a mapping) once someone has signed in."""
    subject = user.get("sub")
    if not isinstance(subject, str) or not subject.strip():
        raise SignInProblem(
            "The sign-in service did not say who you are (its answer has no `sub` claim), so "
            "Waypoint cannot tell whose notebooks to show. Sign out and try again; if it keeps "
            "happening, the provider must include the `openid` scope."
        )
    issuer = user.get("iss")
    if not isinstance(issuer, str) or not issuer.strip():
        # Streamlit records which configured provider was used; the same sub from another
        # provider must not map to the same owner.
        issuer = f"streamlit-provider:{user.get('provider') or 'default'}"
    email = user.get("email") if isinstance(user.get("email"), str) else None
    verified = user.get("email_verified")
    name = next(
        (v.strip() for k in ("name", "given_name", "preferred_username") if isinstance(v := user.get(k), str) and v.strip()),
        email or "you",
    )
    return Identity(
        owner=owner_key(issuer.strip(), subject.strip()),
        name=name,
        email=email,
        email_verified=verified if isinstance(verified, bool) else None,
    )


class Refusal(StrEnum):
    """Why `allowed_emails` keeps someone out; the sign-in page tells them in their own words."""

    NO_EMAIL = "no email"  # the provider did not say which address signed in
    NOT_LISTED = "not listed"
    UNVERIFIED = "unverified"  # listed, but the provider has not confirmed it belongs to them


def refusal(who: Identity, allowed: tuple[str, ...]) -> Refusal | None:
    """Whether `allowed_emails` keeps this person out, and why: nobody when the list is empty;
    else a listed address or domain gets in, unless the provider says it is unverified (an
    unverified address could be anyone's)."""
    if not allowed:
        return None
    if not who.email:
        return Refusal.NO_EMAIL
    email = who.email.strip().lower()
    domain = "@" + email.rsplit("@", 1)[-1]
    if email not in allowed and domain not in allowed:
        return Refusal.NOT_LISTED
    if who.email_verified is False:
        return Refusal.UNVERIFIED
    return None
