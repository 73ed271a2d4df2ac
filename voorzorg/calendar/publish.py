"""Static feed files: one ``<circle-id>.ics`` per active circle, written atomically.

A calendar client that fetches a half-written file sees an empty calendar (Home
Assistant does), so each file is written to a temporary name, synced and renamed.
"""

from __future__ import annotations

from pathlib import Path

from voorzorg.deploy.config import Config, atomic_write
from voorzorg.errors import VoorzorgError, os_error_text


def default_directory(config: Config) -> Path:
    return config.path.parent / "feeds"


def write_circle_feeds(config: Config, directory: Path | None = None) -> list[dict]:
    from voorzorg.calendar.feeds import options_of, render_circle_feed
    from voorzorg.clock import today
    from voorzorg.deploy.circles import open_db

    directory = Path(directory) if directory else default_directory(config)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VoorzorgError(
            "file.write_failed", path=str(directory), error=os_error_text(exc)
        ) from None
    written = []
    for entry in config.active_circles():
        db = open_db(config, entry)
        try:
            feed = render_circle_feed(
                db,
                circle_id=entry.id,
                name=entry.name,
                timezone=entry.timezone,
                today=today(entry.timezone),
                options=options_of(entry),
            )
        finally:
            db.close()
        path = directory / f"{entry.id}.ics"
        atomic_write(path, feed.body, mode=0o644)
        written.append({"circle": entry.id, "path": str(path), "bytes": len(feed.body)})
    # An archived circle's calendar is no longer published.
    for entry in config.circles.values():
        if entry.archived:
            (directory / f"{entry.id}.ics").unlink(missing_ok=True)
    return written
