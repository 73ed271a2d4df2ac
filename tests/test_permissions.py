"""The one permission authority, as properties: nothing is granted outside the rules."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from voorzorg.storage.views import VIEWS
from voorzorg.web.permissions import (
    INTROSPECTION_PAGES,
    NEVER,
    decide,
    is_account,
    is_circle_export,
    may_see_introspection,
    needs_actor,
    request_refused,
    tilde_decode,
)

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


# --- requests decided before Datasette sees them ---------------------------------

SERVED = {"zorgsaam", "samenspel"}
FIRST = st.one_of(
    NAMES,
    st.sampled_from(["~7Aorgsaam", "zorgsaa~6D", "~73tats", "zorg%saam", "-", ""]),
    st.text(alphabet="zorgsam~%+-7AD6", max_size=12),
).filter(lambda first: not re.search(r"~[0-9A-Fa-f]?%", first))  # see the test below
EXTENSIONS = st.sampled_from(["", ".json", ".csv", ".db"])
RESTS = st.sampled_from(["", "/deelnemers", "/deelnemers.csv", "/members.json", "/x/1"])
QUERIES = st.sampled_from(["", "_format=csv", "_stream=on", "_size=max&_stream=1", "q=csv"])


@given(text=st.text(alphabet=st.sampled_from("~%+2Fa7Az-.é ")))
def test_database_names_decode_as_datasette_decodes_them(text):
    from datasette.utils import tilde_decode as datasette_decode

    # Datasette hides "%" behind a random placeholder, which "~%" and "~A%" break
    # into (a random result there); everywhere else the two agree.
    if not re.search(r"~[0-9A-Fa-f]?%", text):
        assert tilde_decode(text) == datasette_decode(text)


@given(actor=ACTORS, first=FIRST, extension=EXTENSIONS, rest=RESTS, query=QUERIES)
def test_csv_and_streams_of_circle_data_are_refused_to_everyone(
    actor, first, extension, rest, query
):
    from datasette.utils import tilde_decode as datasette_decode

    path = "/" + first + extension + rest
    csv = (rest or extension).endswith(".csv") or "_format=csv" in query or "_stream=" in query
    expected = datasette_decode(first) in SERVED and csv
    assert is_circle_export(path, query, SERVED) is expected
    if not needs_actor(path):
        assert request_refused(actor, path, query, SERVED) is expected  # whoever asks


def test_circle_exports_by_example():
    coordinator = {"vz": 1, "role": "coordinator", "circles": ["zorgsaam", "samenspel"]}
    for path, query in [
        ("/zorgsaam/deelnemers.csv", ""),
        ("/zorgsaam/deelnemers.json", "_stream=on"),
        ("/zorgsaam/deelnemers", "_format=csv"),
        ("/zorgsaam.csv", "sql=select+1"),
        ("/~7Aorgsaam/telefoonlijst.csv", ""),
        ("/samenspel/deelnemers.csv", ""),
    ]:
        assert request_refused(coordinator, path, query, SERVED), path
    for path, query in [
        ("/zorgsaam/deelnemers.json", ""),
        ("/stats/leeftijd.csv", ""),  # the anonymised statistics may be downloaded
        ("/archived/deelnemers.csv", ""),  # not served: Datasette answers 404
        ("/-/login", ""),
    ]:
        assert not request_refused(coordinator, path, query, SERVED), path


@given(actor=ACTORS, rest=st.sampled_from(["", "/welzijn", "/welzijn/leden", ".json"]))
def test_dashboards_are_for_welfare_and_coordinators(actor, rest):
    path = "/-/dashboards" + rest
    assert needs_actor(path)
    refused = request_refused(actor, path, "", SERVED)
    if not is_account(actor):
        assert not refused  # not logged in: Datasette's view-instance sends them to login
    else:
        assert refused is (actor["role"] not in ("welfare", "coordinator"))


@given(actor=ACTORS, page=st.sampled_from(["metadata", "versions", "plugins", "settings",
       "config", "threads", "databases", "actor", "auth-token", "permissions", "messages",
       "allow-debug", "patterns"]))  # fmt: skip
def test_introspection_is_for_operators_only(actor, page):
    allowed = may_see_introspection(actor, page)
    operator = is_account(actor) and actor["role"] == "operator"
    assert allowed is (operator and page in INTROSPECTION_PAGES)
    if page in ("auth-token", "permissions", "messages", "allow-debug", "patterns"):
        assert not allowed  # to nobody


def test_permissions_can_be_used_without_datasette():
    code = (
        "import sys, voorzorg.web.permissions; "
        "sys.exit(any(m.split('.')[0] == 'datasette' for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@given(actor=ACTORS, circle=st.sampled_from(["zorgsaam", "samenspel", "stats", "instance", ""]))
def test_printed_documents_are_for_a_coordinator_of_that_circle_only(actor, circle):
    from voorzorg.web.permissions import may_print

    allowed = may_print(actor, circle)
    coordinator = is_account(actor) and actor["role"] == "coordinator"
    assert allowed is (coordinator and circle in actor["circles"])
