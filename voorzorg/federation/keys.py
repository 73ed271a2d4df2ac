"""The deployment's own signing key (Ed25519) and its fingerprint.

The private key lives in secrets.toml (``federation_signing_key``, 32 raw bytes in
base64): readable only by the deployment's owner and carried by every backup, so a
restored centre signs on with the same key. It is made by ``voorzorg init``, and for
a deployment made before that on first need (``stats publish``, ``stats key``).

The fingerprint is what a person reads over the phone to the hub's operator: the first
100 bits of the SHA-256 of the raw public key, in base32 without padding, as five
groups of four characters ("K7QF-3MZA-TX2P-9C4B-R6DE"). Finding a second key with the
same fingerprint costs about 2**100 tries.
"""

from __future__ import annotations

import base64
import hashlib
import re

from voorzorg.deploy.deployment import SIGNING_SECRET
from voorzorg.errors import VoorzorgError

SECRET_NAME = SIGNING_SECRET
FINGERPRINT_CHARS = 20
_FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}")


def fingerprint(public_key: bytes) -> str:
    digest = base64.b32encode(hashlib.sha256(public_key).digest()).decode()
    chars = digest[:FINGERPRINT_CHARS]
    return "-".join(chars[i : i + 4] for i in range(0, FINGERPRINT_CHARS, 4))


def parse_fingerprint(text: str) -> str:
    """A fingerprint as typed: case, spaces and dashes do not matter."""
    chars = re.sub(r"[\s\-]", "", text or "").upper()
    # Read over the phone: 0/O, 1/I and 8/B are what people mishear; base32 has no 0, 1, 8.
    chars = chars.replace("0", "O").replace("1", "I").replace("8", "B")
    normal = "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))
    if not _FINGERPRINT.fullmatch(normal):
        raise VoorzorgError("federation.bad_fingerprint", text=text)
    return normal


def _private(raw: bytes):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(raw)


def public_bytes(private_key) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def new_secret() -> str:
    import secrets

    return base64.b64encode(secrets.token_bytes(32)).decode()


def load(secrets_path, *, create: bool = True):
    """The deployment's private key; made and stored in secrets.toml when missing."""
    from voorzorg.deploy import config as config_mod

    value = config_mod.load_secrets(secrets_path).get(SECRET_NAME)
    if value is None:
        if not create:
            raise VoorzorgError("federation.no_key")

        def add(document) -> None:
            if SECRET_NAME not in document:
                document[SECRET_NAME] = new_secret()

        config_mod.edit_secrets(secrets_path, add)
        value = config_mod.load_secrets(secrets_path)[SECRET_NAME]
    try:
        raw = base64.b64decode(value, validate=True)
        if len(raw) != 32:
            raise ValueError
    except (ValueError, TypeError):
        raise VoorzorgError("federation.bad_key", path=str(secrets_path)) from None
    return _private(raw)


def sign(private_key, message: bytes) -> bytes:
    return private_key.sign(message)


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
