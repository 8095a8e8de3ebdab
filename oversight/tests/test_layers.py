"""The shape of the code: the ground (oversight/core) under the apps (cases, appeals,
learning) under the roof (the rest of oversight/: urls, the API router, performance, demo,
tasks, commands). Arrows point down only, no module imports itself round a loop (at module
level or inside a function), and no production module grows past 400 lines."""

import ast
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("oversight", "cases", "appeals", "learning", "bench", "scripts")
APPS = ("cases", "appeals", "learning")
# A recommendation is made from an investigation or an application and takes its theme from
# the investigations' thematic areas, so learning stands on cases and appeals (never back).
APP_DEPENDS = {"learning": {"cases", "appeals"}}
GROUND = "oversight.core"
MAX_LINES = 400


def _is_production(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    return "tests" not in parts and "migrations" not in parts


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {
    _module_name(path): path
    for package in PACKAGES
    for path in sorted((ROOT / package).rglob("*.py"))
    if _is_production(path)
}


def _owner(name: str) -> str | None:
    """The project module an imported name belongs to (a.b.c may be a name in module a.b)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> set[str]:
    """The project modules `module` imports anywhere in it, relative imports resolved."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(owner for owner in map(_owner, names) if owner and owner != module)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def _layer(module: str) -> str:
    top = module.split(".")[0]
    if module == GROUND or module.startswith(GROUND + "."):
        return "ground"
    return "app" if top in APPS else "roof"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that reach one another (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_graph_sees_the_whole_tree():
    # A broken walk (no modules, no edges) would make every test below pass vacuously.
    assert {"oversight.core.writes", "cases.referrals.services", "learning.api"} <= set(MODULES)
    assert "oversight.core.writes" in GRAPH["cases.referrals.services.details"]
    assert "cases.referrals.rules" in GRAPH["oversight.performance.definitions"]


def test_no_module_imports_itself_round_a_loop():
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_loop():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


@pytest.mark.parametrize(("layer", "may_import"), [("ground", {"ground"}), ("app", {"ground"})])
def test_imports_point_down_only(layer, may_import):
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if _layer(module) == layer
        for target in targets
        if _layer(target) not in may_import | {layer}
    )
    assert upward == []


def _top(module: str) -> str:
    return module.split(".")[0]


def test_an_app_reaches_another_app_only_through_the_roof_or_a_layer_rule():
    # Apps are independent of one another: what joins them (figures, the demo, the router)
    # is the roof's. An app that needs another's records says why in APP_DEPENDS.
    crossing = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if _layer(module) == "app"
        for target in targets
        if _layer(target) == "app"
        and _top(target) != _top(module)
        and _top(target) not in APP_DEPENDS.get(_top(module), set())
    )
    assert crossing == []


def test_the_app_layer_rules_point_one_way():
    for app, below in APP_DEPENDS.items():
        assert all(app not in APP_DEPENDS.get(other, set()) for other in below)


def test_no_production_module_is_longer_than_400_lines():
    long = sorted(
        f"{module}: {lines}"
        for module, path in MODULES.items()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    )
    assert long == []


@pytest.mark.django_db
def test_the_models_and_their_migrations_agree():
    # Moving a model between modules (or a field into a shared base) must not change a table.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
