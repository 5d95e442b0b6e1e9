"""``python -m articlekit.batch``: the ``articlekit batch`` command on its own."""

from articlekit.batch.cli import batch_command

if __name__ == "__main__":
    batch_command(prog_name="articlekit batch")
