"""The import direction of the pipeline, checked on the source: a module imports only from its
own layer or below, and never another module's private names."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sco_cli"

# bottom to top; a module may import from its own layer and the ones before it
LAYERS = [
    {"sco_cli", "model", "errors", "normalize", "safety", "paths", "data", "codec", "jsonrows"},
    {"lexicon", "corpus", "dateopts"},
    {"extract"},
    {"instruments"},
    {"index"},
    {"query"},
    {"render"},
    {"output"},
    {"complete"},
    {"commands"},
    {"cli"},
    {"entry", "__main__"},
]


def _layer(module: str) -> int:
    top = module.split(".")[1] if module.startswith("sco_cli.") else "sco_cli"
    for rank, names in enumerate(LAYERS):
        if top in names:
            return rank
    raise AssertionError(f"{module} is in no layer of tests/test_architecture.py")


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, ast.parse(path.read_text(encoding="utf-8"))


def _imports(tree):
    """(imported module, imported names) for every sco_cli import, at any depth (lazy ones too)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "sco_cli":
            if node.module == "sco_cli":  # "from sco_cli import index" names a module
                for alias in node.names:
                    yield f"sco_cli.{alias.name}", []
            else:
                yield node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "sco_cli":
                    yield alias.name, []


MODULES = dict(_modules())


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_pipeline(module):
    for imported, _ in _imports(MODULES[module]):
        if imported.split(".")[-1].isupper() or imported in ("sco_cli.__version__",):
            continue  # a constant of the package (EXTRACTION_VERSION, __version__)
        assert _layer(imported) <= _layer(module), f"{module} imports {imported}, a later stage"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_another_ones_private_names(module):
    for imported, names in _imports(MODULES[module]):
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{module} imports {private} from {imported}"


def test_every_module_is_in_a_layer():
    for module in MODULES:
        _layer(module)


def test_every_package_is_installed():
    # a subpackage missing from pyproject.toml works in a checkout and is absent from a real install
    import tomllib

    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
