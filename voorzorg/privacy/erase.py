"""`member erase` and `member remove`: a member leaves every table and every file.

In order: the integrations erase their own data (``privacy_erase``), the erasure
register gets the member's random reference, the core rows go (``domain.erasure``),
and the file is compacted so the bytes leave it (``store.compact``: secure_delete,
WAL checkpoint, VACUUM). Running it again after an interruption is safe.

``remove_member`` is for a member entered by mistake: the same, but only for someone
without any history (no requests, asks, agreements, changes, feed tokens, not left),
so a mistake never counts as a leaver in the statistics.
"""

from __future__ import annotations

from voorzorg.errors import VoorzorgError


def erase_member(config, circle_id: str, db, member_id: int) -> dict:
    from voorzorg.deploy.erasures import add_to_register
    from voorzorg.domain.erasure import erase_rows, involved_requests, member_ref
    from voorzorg.domain.members import get_member
    from voorzorg.privacy.integrations import call
    from voorzorg.storage.store import compact

    member = get_member(db, member_id)
    requests = involved_requests(db, member_id)
    removed = call(config, circle_id, "privacy_erase", strict=True, member_id=member_id,
                   requests=requests)  # fmt: skip
    ref = member_ref(db, member_id)
    add_to_register(config.data_dir, circle_id, ref)
    counts = erase_rows(db, member_id)
    compacted = compact(db)
    from voorzorg.deploy.erasures import erase_in_set_aside

    # Copies an earlier restore set aside hold the member too.
    erase_in_set_aside(config, [{"circle": circle_id, "ref": ref}])
    return {
        "member_id": member["id"],
        "name": member["name"],
        "reference": ref,
        **counts,
        "integrations": {domain: value or 0 for domain, value in removed.items()},
        "compacted": compacted,
    }


def remove_member(config, circle_id: str, db, member_id: int) -> dict:
    from voorzorg.domain.erasure import involvement
    from voorzorg.domain.members import get_member

    member = get_member(db, member_id)
    history = {k: v for k, v in involvement(db, member_id).items() if v}
    if history:
        raise VoorzorgError(
            "privacy.remove_has_history", name=member["name"], hint="privacy.remove_hint"
        )
    return erase_member(config, circle_id, db, member_id)


def finish_pending(config) -> tuple[int, list[dict]]:
    """After a restore erased members again (``deploy.erasures.reapply``), erase them
    from the integrations' data too. Runs from the restore command, and from the next
    command when a restore was finished after a crash. Returns (how many members,
    failures as circle and error); the pending list stays until none failed."""
    from voorzorg.deploy import erasures
    from voorzorg.privacy.integrations import call

    deploy_dir = config.path.parent
    pending = erasures.read_pending(deploy_dir)
    problems = []
    for item in pending:
        try:
            call(config, item["circle"], "privacy_erase", strict=True,
                 member_id=item["member_id"], requests=item["requests"])  # fmt: skip
        except VoorzorgError as exc:
            problems.append({"circle": item["circle"], "error": exc.message})
    if not problems:
        erasures.clear_pending(deploy_dir)
    return len(pending), problems
