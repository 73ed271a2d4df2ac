"""The layout is the design: layers import downwards only, and nothing imports in a cycle.

Every ``import`` in the package counts, including those inside functions (lazy imports
keep start-up light, but they are dependencies all the same). ARCHITECTURE.md describes
the same layers; a test checks that it names every package and module in the tree.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE_STRING = re.compile(r"voorzorg(\.\w+)+(:\w+)?")
PACKAGE = ROOT / "voorzorg"

# Lowest first. A module may import modules of its own layer (without a cycle) or of a
# lower one, never of a higher one.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "foundation",
        (
            "voorzorg",
            "voorzorg.__init__",
            "voorzorg.clock",
            "voorzorg.errors",
            "voorzorg.i18n",
            "voorzorg.locale",
            "voorzorg.text",
            "voorzorg.dates",
            "voorzorg.events",
            "voorzorg.categories",
        ),
    ),
    ("storage", ("voorzorg.storage",)),
    ("domain", ("voorzorg.domain",)),
    ("deploy", ("voorzorg.deploy",)),
    ("calendar", ("voorzorg.calendar",)),
    ("stats", ("voorzorg.stats",)),
    ("federation", ("voorzorg.federation",)),
    ("integrations", ("voorzorg.integrations",)),
    ("privacy", ("voorzorg.privacy",)),
    ("paper", ("voorzorg.paper",)),
    ("web", ("voorzorg.web",)),
    ("demo", ("voorzorg.demo",)),
    ("interface", ("voorzorg.cli", "voorzorg.api", "voorzorg.__main__")),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The voorzorg modules ``name`` imports (resolved to modules, not attributes)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            targets = [f"{stem}.{alias.name}" for alias in node.names] + [stem]
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and MODULE_STRING.fullmatch(node.value)
        ):
            # A module named in a string is imported by importlib (the CLI's lazy
            # command table, the API's lazy names): an edge like any other.
            targets = [node.value.split(":")[0]]
        for target in targets:
            if not target.startswith("voorzorg"):
                continue
            # "from voorzorg.x import y": y may be a module or an attribute of x.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    result = {}
    for name, path in found.items():
        deps = imports_of(name, path, known)
        # Importing a package's module runs the package's __init__: not a real edge
        # for layering, so parents of the importer itself are left out.
        result[name] = {d for d in deps if not name.startswith(d + ".")}
    return result


def layer_of(name: str) -> int:
    best, best_len = None, -1
    for index, (_label, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    assert best is not None, f"{name} is in no layer: add it to LAYERS and ARCHITECTURE.md"
    return best


def test_every_module_has_a_layer():
    for name in modules():
        layer_of(name)


def test_layers_import_downwards_only():
    wrong = []
    for name, deps in graph().items():
        for dep in deps:
            if layer_of(dep) > layer_of(name):
                wrong.append(
                    f"{name} ({LAYERS[layer_of(name)][0]}) imports "
                    f"{dep} ({LAYERS[layer_of(dep)][0]})"
                )
    assert not wrong, "\n".join(sorted(wrong))


def test_lower_layers_never_import_cli_or_web():
    for name, deps in graph().items():
        if name == "voorzorg.__main__" or name.startswith(
            ("voorzorg.cli", "voorzorg.web", "voorzorg.api", "voorzorg.demo")
        ):
            continue
        bad = {d for d in deps if d.startswith(("voorzorg.cli", "voorzorg.web"))}
        assert not bad, f"{name} imports {sorted(bad)}"


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(edges.get(node, ())):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state:
                cycle = visit(dep)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_no_import_cycles():
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_imports_by_name_count_too(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "import importlib\n"
        "def f():\n"
        "    importlib.import_module('voorzorg.cli.base')\n"
        "COMMANDS = {'x': 'voorzorg.web.server:serve'}\n"
    )
    found = imports_of("voorzorg.domain.m", module, {"voorzorg.cli.base", "voorzorg.web.server"})
    assert found == {"voorzorg.cli.base", "voorzorg.web.server"}


def test_the_cycle_finder_finds_cycles():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_architecture_md_matches_the_tree():
    """Every folder of the package is described in ARCHITECTURE.md, and every path it
    names in backticks exists."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for folder in sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
        named = f"`{folder.name}/`" in text or f"`voorzorg/{folder.name}/`" in text
        assert named, f"ARCHITECTURE.md does not describe {folder.name}/"
    for top in sorted(PACKAGE.glob("*.py")):
        if top.name not in ("__init__.py", "__main__.py"):
            named = f"`{top.name}`" in text or f"`voorzorg/{top.name}`" in text
            assert named, f"ARCHITECTURE.md does not mention {top.name}"
    for named in re.findall(r"`((?:voorzorg|plugins|tests|bench)/[\w./-]*)`", text):
        assert (ROOT / named).exists(), f"ARCHITECTURE.md names {named}, which does not exist"


MACHINE_CLOCK = re.compile(r"\b(?:date\.today|datetime\.(?:today|utcnow)|datetime\.now)\(\s*\)")


def test_nothing_asks_the_machine_for_its_local_date():
    """Dates come from voorzorg.clock in the circle's timezone, in code and in tests.

    The Pi's clock is often UTC: ``date.today()`` is then a day behind Amsterdam for an
    hour every night, and a test built on it fails only when CI runs at that hour.
    """
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("voorzorg", "plugins", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "test_architecture.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if MACHINE_CLOCK.search(line)
    ]
    assert offenders == []


def test_the_machine_clock_pattern_finds_what_it_should():
    assert MACHINE_CLOCK.search("tomorrow = date.today() + timedelta(days=1)")
    assert MACHINE_CLOCK.search("datetime.now()")
    assert not MACHINE_CLOCK.search("datetime.now(UTC)")
    assert not MACHINE_CLOCK.search("clock.today(timezone)")
