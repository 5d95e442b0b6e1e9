"""Parquet output: the explicit Arrow schema, error columns, atomic parts, resume."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_batch_pages import story

from articlekit.batch import OutputExists, run
from articlekit.batch.schema import arrow_schema
from articlekit.model import Article, Block, BlockKind, Figure

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(5):
            archive.writestr(f"p{n}.html", story(n, f"https://news.example/{n}"))
        archive.writestr("big.html", b"<p>" + b"q" * 50_000 + b"</p>")
    return path


def test_schema_matches_article_to_dict() -> None:
    schema = arrow_schema()
    assert schema.names == ["id", "source", "error", *Article().to_dict()]
    blocks = schema.field("blocks").type
    assert pa.types.is_list(blocks) and pa.types.is_struct(blocks.value_type)
    assert [f.name for f in blocks.value_type] == list(Block(BlockKind.PARAGRAPH).to_dict())
    figure = schema.field("figures").type.value_type
    assert [f.name for f in figure] == list(Figure().to_dict())
    comment = schema.field("comments").type.value_type
    assert [f.name for f in comment] == ["id", "parent", "author", "date", "text"]
    assert schema.field("error").type.names == ["reason", "message"]
    assert schema.field("source").type.field("offset").type == pa.int64()


def test_parquet_rows_and_error_columns(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    summary = run([inputs], output, format="parquet", workers=0, max_bytes=10_000)
    assert summary.articles_written == 5 and summary.errors == {"too_large": 1}
    parts = sorted(output.glob("part-*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet"]
    table = pq.read_table(output)
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    rows = table.to_pylist()
    assert len(rows) == 6
    errors = [r for r in rows if r["error"] is not None]
    assert [(r["source"]["member"], r["error"]["reason"]) for r in errors] == [
        ("big.html", "too_large")
    ]
    assert errors[0]["title"] is None
    good = [r for r in rows if r["error"] is None]
    assert all(r["source"]["path"] == str(inputs) for r in good)
    assert any("Story 0 says" in (r["text"] or "") for r in good)
    assert all(isinstance(r["blocks"], list) for r in good)


def test_parquet_fields_and_resume(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    run([inputs], output, format="parquet", workers=0, fields=["title", "status"])
    table = pq.read_table(output)
    assert table.schema.names == ["id", "source", "error", "title", "status"]
    with pytest.raises(OutputExists):
        run([inputs], output, format="parquet", workers=0, fields=["title", "status"])
    (output / "part-00001.parquet.tmp").write_bytes(b"half a part")
    again = run(
        [inputs], output, format="parquet", workers=0, resume=True, fields=["title", "status"]
    )
    assert again.already_done == 6 and again.processed == 0
    assert not list(output.glob("*.tmp"))
    from articlekit.batch.sinks import ParquetSink

    holder = ParquetSink(output, arrow_schema(["title", "status"]), resume=True)
    try:
        with pytest.raises(OutputExists, match="another run"):
            run([inputs], output, format="parquet", workers=0, resume=True)
    finally:
        holder.close()
    assert pq.read_table(output).num_rows == 6
