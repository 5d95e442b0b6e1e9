"""Plain-text dumps: a page saved as text to an :class:`Article`.

Leaves the HTML path after decoding.  :mod:`.lines` classifies the dump's lines
(boilerplate, date lines, headers); :mod:`.dump` finds the article's run of
lines, its title and metadata, and the comments after it.
"""
