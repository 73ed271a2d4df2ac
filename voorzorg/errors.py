"""The one exception type for errors a user can cause.

The message is a translation key plus parameters, so it is rendered in the user's
language when it is shown, not when it is raised. The CLI prints it without a
traceback and exits with ``exit_code``.
"""

from __future__ import annotations

from voorzorg.i18n import _

USER_ERROR = 1
USAGE_ERROR = 2


class VoorzorgError(Exception):
    exit_code = USER_ERROR

    def __init__(self, key: str, /, hint: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.hint = hint

    @property
    def message(self) -> str:
        return _(self.key, **self.params)

    def __str__(self) -> str:
        return self.message


class ConfigError(VoorzorgError):
    """The deployment's configuration is missing or wrong (exit code 2)."""

    exit_code = USAGE_ERROR


def os_error_text(exc: OSError) -> str:
    """The reason behind a file-system error, in the user's language where we know it."""
    import errno

    keys = {
        errno.ENOSPC: "oserror.nospace",
        errno.EDQUOT: "oserror.nospace",
        errno.EFBIG: "oserror.toobig",
        errno.EACCES: "oserror.access",
        errno.EPERM: "oserror.access",
        errno.EROFS: "oserror.readonly_fs",
        errno.ENOENT: "oserror.missing",
        errno.ENOTDIR: "oserror.missing",
        errno.EIO: "oserror.io",
        errno.EEXIST: "oserror.exists",
        errno.EISDIR: "oserror.is_dir",
    }
    key = keys.get(exc.errno)
    return _(key) if key else (exc.strerror or str(exc))
