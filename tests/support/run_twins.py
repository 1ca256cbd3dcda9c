"""Runs the PyTorch twins of each page, in page order, in one scope per page (like the page's
kernel), and reports what each twin printed and where it failed.

Reads JSON from stdin: [{"twins": [{"source": "...", "needs": ["torchinfo"]}, ...]}, ...], one
entry per page. Writes JSON to stdout, in the same order:
[[{"stdout": "...", "error": {...} | null, "missing": ["torchinfo"]}, ...], ...]; a twin that
needs a missing package is not run.
Exits with status 3 when PyTorch cannot be imported.

torch is imported once; each page then runs in a forked child, so pages start from a fresh
interpreter state (default dtype, random generator, globals) without paying for the import again.
"""

import contextlib
import importlib.util
import io
import json
import os
import sys
import traceback

try:
    import torch
except ImportError as missing:
    print(f"PyTorch is not installed: {missing}", file=sys.stderr)
    sys.exit(3)


def twin_name(number):
    return f"<twin {number}>"


def error_of(thrown, name):
    """The exception's type, message and line in the twin (the innermost frame in its code)."""
    if isinstance(thrown, SyntaxError) and thrown.filename == name:
        line = thrown.lineno
    else:
        frames = [f for f in traceback.extract_tb(thrown.__traceback__) if f.filename == name]
        line = frames[-1].lineno if frames else None
    return {"type": type(thrown).__name__, "message": str(thrown), "line": line}


def run_page(twins):
    scope = {"__name__": "__main__"}
    results = []
    for number, twin in enumerate(twins, start=1):
        name = twin_name(number)
        missing = [package for package in twin["needs"] if importlib.util.find_spec(package) is None]
        if missing:
            results.append({"stdout": "", "error": None, "missing": missing})
            continue
        source = twin["source"]
        printed = io.StringIO()
        error = None
        with contextlib.redirect_stdout(printed):
            try:
                exec(compile(source, name, "exec"), scope)
            except Exception as thrown:  # a twin's failure is reported, and the next twin runs
                error = error_of(thrown, name)
        results.append({"stdout": printed.getvalue(), "error": error, "missing": []})
    return results


def run_in_child(twins):
    """Forks; the child runs the page and writes its results to a pipe. Returns the read end."""
    read_end, write_end = os.pipe()
    if os.fork() == 0:
        os.close(read_end)
        torch.set_num_threads(1)  # the pages run side by side
        with os.fdopen(write_end, "w") as pipe:
            json.dump(run_page(twins), pipe)
        os._exit(0)
    os.close(write_end)
    return read_end


def main():
    pages = json.load(sys.stdin)
    pipes = [run_in_child(page["twins"]) for page in pages]
    results = []
    for pipe in pipes:
        with os.fdopen(pipe) as reader:
            results.append(json.load(reader))
        os.wait()
    json.dump(results, sys.stdout)


main()
