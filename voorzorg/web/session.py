"""Sessions: the one parser of the session cookie, and the one place that makes it.

A session is a small dict in the ``vz_session`` cookie, signed with the instance's
web secret (Datasette's ``sign``), so it cannot be forged or altered:

- ``a``: the account id;
- ``v``: the account's session epoch when the session began;
- ``e``: when the session ends (Unix seconds).

The cookie alone is never trusted: every request looks the account up again, so
removing an account ends its access on the next request, and logout or a new
password (both move the epoch) end every session made before.

A successful login also leaves a *device* cookie (``vz_device``, signed, 180 days): the
account name, the account id, the account's session epoch and a random id for this
browser. It grants nothing by itself; a login attempt for that name that carries it is
throttled per device instead of per address and is exempt from the per-address limit
and the global budget (``accounts.claim_attempt``), so a flood of guesses cannot lock
out people on browsers they logged in with before. It holds only while the account
and its epoch do: a new password or logging out (both move the epoch) or removing the
account makes every device cookie given before count as none, so someone who once had
the password keeps no exemption afterwards. All known devices of a name together have
their own budget of failures too (``accounts.THROTTLE_PER_NAME_DEVICES``).
"""

from __future__ import annotations

from voorzorg import clock

COOKIE = "vz_session"
SIGN_NAMESPACE = "voorzorg-session"
SESSION_SECONDS = 8 * 3600
DEVICE_COOKIE = "vz_device"
DEVICE_NAMESPACE = "voorzorg-device"
DEVICE_SECONDS = 180 * 24 * 3600


def read(datasette, cookies) -> dict | None:
    """The session in the request's cookies (a name -> value mapping), or None when
    there is none, or it is tampered with, signed with another secret, or expired."""
    value = cookies.get(COOKIE)
    if not value:
        return None
    try:
        session = datasette.unsign(value, SIGN_NAMESPACE)
    except Exception:  # tampered or signed with another secret
        return None
    if not isinstance(session, dict) or not isinstance(session.get("a"), int):
        return None
    expires = session.get("e", 0)
    if not isinstance(expires, int | float) or expires < clock.timestamp():
        return None
    return session


async def actor(datasette, session: dict) -> dict | None:
    """The actor a session read by ``read`` stands for, or None when its account is
    gone or its epoch has moved on."""
    account = await datasette._voorzorg.account(session["a"])
    if account is None:  # removed: access ends on the next request
        return None
    if session.get("v") != account.get("session_epoch", 0):
        return None  # logged out, or the password changed since
    return {
        "id": f"vz:{account['id']}",
        "vz": account["id"],
        "name": account["name"],
        "role": account["role"],
        "circles": account["circles"],
    }


async def actor_from_cookies(datasette, cookies) -> dict | None:
    """``read`` and ``actor`` together: who the request's cookies say is asking."""
    session = read(datasette, cookies)
    if session is None:
        return None
    return await actor(datasette, session)


def begin(response, datasette, account: dict, *, secure: bool) -> None:
    """Give ``response`` a new session cookie for ``account``."""
    signed = datasette.sign(
        {
            "a": account["id"],
            "v": account.get("session_epoch", 0),
            "e": int(clock.timestamp()) + SESSION_SECONDS,
        },
        SIGN_NAMESPACE,
    )
    response.set_cookie(
        COOKIE,
        signed,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=secure,
    )


def end(response) -> None:
    """Make ``response`` clear the session cookie."""
    response.set_cookie(COOKIE, "", expires=0, max_age=0)


def remember_device(response, datasette, account: dict, *, secure: bool) -> None:
    """Give ``response`` a device cookie for ``account`` (after a successful login),
    bound to its id and its current session epoch."""
    import secrets

    signed = datasette.sign(
        {
            "n": account["name"].strip().lower(),
            "a": account["id"],
            "v": account.get("session_epoch", 0),
            "d": secrets.token_urlsafe(12),
            "e": int(clock.timestamp()) + DEVICE_SECONDS,
        },
        DEVICE_NAMESPACE,
    )
    response.set_cookie(
        DEVICE_COOKIE,
        signed,
        max_age=DEVICE_SECONDS,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/-/login",
    )


async def known_device(datasette, cookies, name: str) -> str | None:
    """The id of this browser's device cookie when it is valid for ``name`` now; None
    otherwise: none, tampered, expired, given for another name, or stale (its account
    is gone, renamed, or its session epoch has moved on since: new password, logout)."""
    value = cookies.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        device = datasette.unsign(value, DEVICE_NAMESPACE)
    except Exception:  # tampered or signed with another secret
        return None
    if not isinstance(device, dict) or not isinstance(device.get("d"), str):
        return None
    expires = device.get("e", 0)
    if not isinstance(expires, int | float) or expires < clock.timestamp():
        return None
    wanted = name.strip().lower()
    if device.get("n") != wanted or not isinstance(device.get("a"), int):
        return None  # another name, or a cookie from before devices were bound
    account = await datasette._voorzorg.account(device["a"])
    if account is None or account["name"].strip().lower() != wanted:
        return None
    if device.get("v") != account.get("session_epoch", 0):
        return None
    return device["d"]
