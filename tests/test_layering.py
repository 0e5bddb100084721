"""Dependencies point one way: ingest <- index <- chat <- eval, checked by scanning imports."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {"ingest": set(), "index": {"ingest"}, "chat": {"ingest", "index"},
           "eval": {"ingest", "index", "chat"}}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_packages_import_only_downstream_layers():
    bad = []
    for package, allowed in ALLOWED.items():
        for path in (ROOT / package).rglob("*.py"):
            for name in _imports(path) & set(ALLOWED):
                if name != package and name not in allowed:
                    bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, bad


def test_every_module_opens_with_a_docstring():
    missing = [str(p.relative_to(ROOT)) for package in ALLOWED for p in (ROOT / package).rglob("*.py")
               if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not missing, missing
