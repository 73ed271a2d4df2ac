"""Create a deployment: config.toml, secrets.toml (0600) and the data folder."""

from __future__ import annotations

import os
from pathlib import Path

from voorzorg.deploy import config as config_mod
from voorzorg.errors import VoorzorgError, os_error_text

SECRETS_TEMPLATE = b"""\
# voorzorg secrets: passwords and notification addresses with tokens.
# Keep this file readable only by you (chmod 600); voorzorg refuses it otherwise.
# config.toml refers to entries here by name.
"""


# The deployment's own Ed25519 signing key (32 random bytes, base64) for the statistics
# bundles it publishes (voorzorg/federation/keys.py reads it; made here so every new
# deployment has one from the start, without importing any cryptography).
SIGNING_SECRET = "federation_signing_key"


def signing_secret_line() -> bytes:
    import base64
    import secrets

    value = base64.b64encode(secrets.token_bytes(32)).decode()
    return (
        b"\n# The key that signs the statistics this deployment publishes (stats publish).\n"
        + f'{SIGNING_SECRET} = "{value}"\n'.encode()
    )


def init_deployment(directory: Path, language: str | None = None) -> dict:
    """Create ``directory/config.toml``, ``secrets.toml`` and ``data/``; never overwrite."""
    directory = Path(directory)
    config_path = directory / config_mod.CONFIG_NAME
    secrets_path = directory / config_mod.SECRETS_NAME
    if config_path.exists():
        raise VoorzorgError("init.exists", path=str(config_path))
    if secrets_path.exists():
        raise VoorzorgError("init.exists", path=str(secrets_path))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "data").mkdir(exist_ok=True)
    except OSError as exc:
        raise VoorzorgError(
            "file.write_failed", path=str(directory), error=os_error_text(exc)
        ) from None
    text = config_mod.EXAMPLE.read_text(encoding="utf-8")
    if language:
        text = text.replace('language = "nl"', f'language = "{language}"', 1)
    config_mod.atomic_write(secrets_path, SECRETS_TEMPLATE + signing_secret_line(), mode=0o600)
    config_mod.atomic_write(config_path, text.encode("utf-8"), mode=0o644)
    os.chmod(secrets_path, 0o600)
    return {
        "config": str(config_path.absolute()),
        "secrets": str(secrets_path.absolute()),
        "data_dir": str((directory / "data").absolute()),
    }
