"""What articlekit costs before it parses anything: installed size and import time, beside peers.

    python -m benchmarks.footprint [--packages articlekit,trafilatura] [--imports 15]

Installed size: the files that each distribution's ``RECORD`` lists, summed over the
package and every distribution it requires at run time (extras not included), as pip
installed them in this environment.  Import time: the lowest of ``--imports`` fresh
interpreters running ``import <package>`` (wall clock, so run it on a quiet machine).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(distribution: str) -> set[str]:
    """``distribution`` and every distribution it needs at run time, canonical names."""
    seen: set[str] = set()
    todo = [_canonical(distribution)]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for requirement in dist.requires or ():
            if "extra ==" in requirement.split(";", 1)[-1] and ";" in requirement:
                continue
            marker = requirement.split(";", 1)[1] if ";" in requirement else ""
            if "python_version" in marker or "sys_platform" in marker or "platform" in marker:
                # the markers of this interpreter decide, as pip decided when installing
                from packaging.markers import Marker

                if not Marker(marker).evaluate():
                    continue
            match = _NAME.match(requirement.strip())
            if match:
                todo.append(_canonical(match.group(1)))
    return seen


def installed_bytes(distribution: str) -> int:
    """Bytes of the files of ``distribution`` as installed (its ``RECORD``)."""
    dist = metadata.distribution(distribution)
    total = 0
    for file in dist.files or ():
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            total += path.stat().st_size
    return total


def import_ms(package: str, runs: int) -> float:
    code = (
        "import time; start = time.perf_counter(); "
        f"import {package}; print((time.perf_counter() - start) * 1000)"
    )
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"import {package} failed:\n{done.stderr}")
        times.append(float(done.stdout))
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", default="articlekit,trafilatura")
    parser.add_argument("--imports", type=int, default=15)
    args = parser.parse_args(argv)
    print("| package | distributions | installed MB | import ms (lowest) |")
    print("|---|---:|---:|---:|")
    for package in args.packages.split(","):
        try:
            closure = requirements(package)
        except metadata.PackageNotFoundError:
            print(f"| {package} | not installed | | |")
            continue
        size = sum(installed_bytes(name) for name in closure) / 1e6
        print(
            f"| {package} | {len(closure)} | {size:.1f} | {import_ms(package, args.imports):.0f} |"
        )
        print(f"<!-- {package}: {', '.join(sorted(closure))} -->")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
