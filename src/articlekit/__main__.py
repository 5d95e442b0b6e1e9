"""``python -m articlekit``: the same command line as ``articlekit``."""

from articlekit.cli import main

if __name__ == "__main__":
    main(prog_name="articlekit")
