"""Repository-wide pytest hooks.

nbval compares ``image/svg+xml`` outputs and has no option to skip a MIME type; graphviz's SVG
changes with the graphviz version (and between `dot` and the WebAssembly renderer), so the course
keeps SVG out of the comparison here. Owned by the course tooling (see docs/authoring.md).
"""

NBVAL_SKIP_COMPARE = ("image/svg+xml",)


def pytest_collection_modifyitems(session, config, items):
    seen = set()
    for item in items:
        parent = getattr(item, "parent", None)
        if parent is None or id(parent) in seen or not hasattr(parent, "skip_compare"):
            continue
        seen.add(id(parent))
        parent.skip_compare = tuple(parent.skip_compare) + NBVAL_SKIP_COMPARE
