"""The one permission authority, as properties: nothing is granted outside the rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from voorzorg.storage.views import VIEWS
from voorzorg.web.permissions import NEVER, decide

NAMES = st.sampled_from(["zorgsaam", "samenspel", "stats", "instance", "_internal", "x"])
TABLES = st.sampled_from([*VIEWS, "members", "consents", "feed_tokens", "_sqlite_migrations"])
ACTIONS = st.sampled_from(
    ["view-instance", "view-database", "view-table", "view-query", "permissions-debug",
     "debug-menu", "execute-sql", *NEVER, "something-new"]
)  # fmt: skip
ACTORS = st.one_of(
    st.none(),
    st.builds(dict, id=st.text(max_size=5)),  # e.g. Datasette's root actor: not an account
    st.fixed_dictionaries(
        {
            "vz": st.integers(1, 5),
            "role": st.sampled_from(["coordinator", "welfare", "operator", "admin"]),
            "circles": st.lists(NAMES, max_size=3),
        }
    ),
)
RESOURCES = st.one_of(st.none(), NAMES, st.tuples(NAMES, TABLES))


@given(actor=ACTORS, action=ACTIONS, resource=RESOURCES)
def test_nothing_is_granted_outside_the_rules(actor, action, resource):
    allowed = decide(actor, action, resource)
    assert isinstance(allowed, bool)
    if not allowed:
        return
    assert isinstance(actor, dict) and isinstance(actor.get("vz"), int)
    assert action not in NEVER
    role = actor["role"]
    database = resource if isinstance(resource, str) else resource[0] if resource else None
    if action in ("permissions-debug", "debug-menu"):
        assert role == "operator"
    if action in ("view-database", "view-table", "view-query"):
        assert role in ("coordinator", "welfare")
        if role == "coordinator":
            assert database in actor["circles"] or database == "stats"
        else:
            assert database == "stats"
    if action == "view-table" and database != "stats":
        assert resource[1] in VIEWS  # never a raw table of a circle
    if action == "execute-sql":
        assert resource == "stats" and role in ("coordinator", "welfare")


@given(circles=st.lists(NAMES, max_size=3), table=TABLES)
def test_a_coordinator_sees_exactly_their_circles_views(circles, table):
    actor = {"vz": 1, "role": "coordinator", "circles": circles}
    for database in ("zorgsaam", "samenspel"):
        expected = database in circles and table in VIEWS
        assert decide(actor, "execute-sql", database) is False
        assert decide(actor, "view-table", (database, table)) is expected
