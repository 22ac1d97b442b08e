"""Who owns a notebook in accounts mode, and who may sign in at all."""

from __future__ import annotations

import pytest

from career_core.identity import Refusal, SignInProblem, identity, owner_key, refusal

GOOGLE = "https://accounts.google.com"
ANA = {"is_logged_in": True, "iss": GOOGLE, "sub": "1001", "email": "ana@example.com", "email_verified": True, "name": "Ana Pereira"}


def test_the_owner_is_the_issuer_and_subject_hashed():
    who = identity(ANA)
    assert who.owner == owner_key(GOOGLE, "1001")
    assert who.owner.startswith("oidc:") and len(who.owner) == 5 + 64
    assert "ana" not in who.owner and "1001" not in who.owner  # no personal data in the database


@pytest.mark.parametrize(
    ("change", "same_owner"),
    [
        ({"email": "ana.new@example.com", "name": "Ana P."}, True),  # a new address or name: still Ana
        ({"sub": "1002"}, False),  # another person at the same provider
        ({"iss": "https://login.microsoftonline.com/t/v2.0"}, False),  # the same number at another provider
        ({"iss": None, "provider": "google"}, False),  # no issuer: the configured provider stands in
        ({"sub": " 1001 "}, True),
    ],
    ids=["email changes", "other subject", "other issuer", "no issuer", "padded subject"],
)
def test_the_owner_is_stable_for_a_person_and_distinct_between_people(change, same_owner):
    other = {k: v for k, v in {**ANA, **change}.items() if v is not None}
    assert (identity(other).owner == identity(ANA).owner) is same_owner


def test_no_issuer_differs_between_configured_providers():
    a = identity({"sub": "7", "provider": "google"})
    b = identity({"sub": "7", "provider": "okta"})
    assert a.owner != b.owner


@pytest.mark.parametrize("claims", [{"email": "ana@example.com"}, {"sub": ""}, {"sub": "   "}, {"sub": 12}])
def test_an_identity_without_a_subject_is_refused_with_advice(claims):
    with pytest.raises(SignInProblem, match="sub"):
        identity({"is_logged_in": True, **claims})


@pytest.mark.parametrize(
    ("claims", "name"),
    [
        (ANA, "Ana Pereira"),
        ({"sub": "1", "given_name": "Ana", "email": "a@x.org"}, "Ana"),
        ({"sub": "1", "preferred_username": "ana.p"}, "ana.p"),
        ({"sub": "1", "email": "a@x.org", "name": "  "}, "a@x.org"),
        ({"sub": "1"}, "you"),
    ],
)
def test_the_name_shown_falls_back_sensibly(claims, name):
    assert identity(claims).name == name


@pytest.mark.parametrize(
    ("claims", "allowed", "refused"),
    [
        (ANA, (), None),
        (ANA, ("@example.com",), None),
        (ANA, ("ana@example.com",), None),
        ({**ANA, "email": "Ana@Example.COM"}, ("@example.com",), None),
        (ANA, ("@example.org",), Refusal.NOT_LISTED),
        (ANA, ("bob@example.com",), Refusal.NOT_LISTED),
        ({**ANA, "email_verified": False}, ("@example.com",), Refusal.UNVERIFIED),  # could be anyone's
        ({**ANA, "email_verified": False}, ("@example.org",), Refusal.NOT_LISTED),  # not listed comes first
        ({**ANA, "email_verified": False}, (), None),  # no list: anyone who signs in
        ({k: v for k, v in ANA.items() if k != "email_verified"}, ("@example.com",), None),  # providers that do not say
        ({k: v for k, v in ANA.items() if k != "email"}, ("@example.com",), Refusal.NO_EMAIL),
        ({**ANA, "email": "ana@example.com.evil.org"}, ("@example.com",), Refusal.NOT_LISTED),
    ],
    ids=["no list", "domain", "address", "case", "other domain", "other address", "unverified",
         "unverified elsewhere", "unverified, no list", "no verified claim", "no email", "lookalike domain"],
)
def test_allowed_emails(claims, allowed, refused):
    assert refusal(identity(claims), allowed) is refused
