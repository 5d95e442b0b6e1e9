"""The output record schema, written once and turned into Arrow and Spark types.

An output row holds ``id`` (the stable record id), ``source`` (provenance),
``error`` (null for an article; ``{reason, message}`` for an error record) and
the fields of :meth:`articlekit.Article.to_dict`, in that order.  The Arrow
schema (Parquet output) and the Spark ``StructType`` (:mod:`articlekit.spark`)
are both built from :data:`ROW_FIELDS`, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ARTICLE_FIELDS",
    "ROW_FIELDS",
    "FieldType",
    "arrow_schema",
    "select_fields",
    "spark_schema",
]

# A field type: "string" | "int" | "bool" | ("list", T) | ("struct", ((name, T), ...))
FieldType = str | tuple[str, Any]

_FIGURE: FieldType = (
    "struct",
    (("src", "string"), ("alt", "string"), ("caption", "string"), ("credit", "string")),
)
_SPAN: FieldType = (
    "struct",
    (("start", "int"), ("end", "int"), ("kind", "string"), ("href", "string")),
)
_SUBLIST: FieldType = (
    "struct",
    (
        ("parent", "int"),
        ("item", "int"),
        ("start", "int"),
        ("end", "int"),
        ("items", ("list", "string")),
        ("ordered", "bool"),
        ("item_inline", ("list", ("list", _SPAN))),
    ),
)
_BLOCK: FieldType = (
    "struct",
    (
        ("kind", "string"),
        ("text", "string"),
        ("level", "int"),
        ("items", ("list", "string")),
        ("ordered", "bool"),
        ("rows", ("list", ("list", "string"))),
        ("figure", _FIGURE),
        ("inline", ("list", _SPAN)),
        ("item_inline", ("list", ("list", _SPAN))),
        ("cell_inline", ("list", ("list", ("list", _SPAN)))),
        ("sublists", ("list", _SUBLIST)),
        ("language", "string"),
    ),
)
_COMMENT: FieldType = (
    "struct",
    (
        ("id", "string"),
        ("parent", "string"),
        ("author", "string"),
        ("date", "string"),
        ("text", "string"),
    ),
)

ARTICLE_FIELDS: tuple[tuple[str, FieldType], ...] = (
    ("url", "string"),
    ("title", "string"),
    ("byline", "string"),
    ("authors", ("list", "string")),
    ("date", "string"),
    ("site_name", "string"),
    ("description", "string"),
    ("lang", "string"),
    ("image", "string"),
    ("tags", ("list", "string")),
    ("kind", "string"),
    ("caption", "string"),
    ("paragraphs", ("list", "string")),
    ("text", "string"),
    ("blocks", ("list", _BLOCK)),
    ("figures", ("list", _FIGURE)),
    ("comments", ("list", _COMMENT)),
    ("status", "string"),
    ("warnings", ("list", "string")),
)
"""The keys of ``Article.to_dict()`` and their types, in order."""

SOURCE_TYPE: FieldType = (
    "struct",
    (
        ("path", "string"),
        ("member", "string"),
        ("record_id", "string"),
        ("offset", "int"),
        ("target_uri", "string"),
        ("date", "string"),
        ("content_type", "string"),
        ("charset", "string"),
        ("mode", "string"),
    ),
)
ERROR_TYPE: FieldType = ("struct", (("reason", "string"), ("message", "string")))

ROW_FIELDS: tuple[tuple[str, FieldType], ...] = (
    ("id", "string"),
    ("source", SOURCE_TYPE),
    ("error", ERROR_TYPE),
    *ARTICLE_FIELDS,
)
"""Every column of an output row, in order."""


def select_fields(fields: Sequence[str] | None) -> tuple[str, ...]:
    """The Article fields to write: all of them, or ``fields`` checked and put in schema order.

    Raises ValueError naming an unknown field.
    """
    names = [name for name, _ in ARTICLE_FIELDS]
    if not fields:
        return tuple(names)
    unknown = [field for field in fields if field not in names]
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(names)}")
    wanted = set(fields)
    return tuple(name for name in names if name in wanted)


def _row_fields(fields: Sequence[str] | None) -> list[tuple[str, FieldType]]:
    chosen = set(select_fields(fields))
    return [(n, t) for n, t in ROW_FIELDS if n in ("id", "source", "error") or n in chosen]


def arrow_schema(fields: Sequence[str] | None = None) -> Any:
    """The ``pyarrow.Schema`` of output rows (needs the ``parquet`` extra)."""
    import pyarrow as pa

    def convert(kind: FieldType) -> Any:
        if kind == "string":
            return pa.string()
        if kind == "int":
            return pa.int64()
        if kind == "bool":
            return pa.bool_()
        assert isinstance(kind, tuple)
        if kind[0] == "list":
            return pa.list_(convert(kind[1]))
        return pa.struct([pa.field(name, convert(sub)) for name, sub in kind[1]])

    return pa.schema(
        [pa.field(name, convert(kind), nullable=name != "id") for name, kind in _row_fields(fields)]
    )


def spark_schema(fields: Sequence[str] | None = None) -> Any:
    """The ``pyspark.sql.types.StructType`` of output rows (needs the ``spark`` extra)."""
    from pyspark.sql import types as T

    def convert(kind: FieldType) -> Any:
        if kind == "string":
            return T.StringType()
        if kind == "int":
            return T.LongType()
        if kind == "bool":
            return T.BooleanType()
        assert isinstance(kind, tuple)
        if kind[0] == "list":
            return T.ArrayType(convert(kind[1]))
        return T.StructType([T.StructField(name, convert(sub)) for name, sub in kind[1]])

    return T.StructType(
        [T.StructField(name, convert(kind), name != "id") for name, kind in _row_fields(fields)]
    )
