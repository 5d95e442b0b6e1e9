"""Stage 2, metadata: the parsed tree to a :class:`Metadata` record.

Reads the tree without changing it: ``<meta>`` tags (:mod:`.tags`), JSON-LD
(:mod:`.jsonld`), the visible title (:mod:`.title`), byline (:mod:`.byline`) and
date (:mod:`.dates`, written dates in :mod:`.textdates`), with the positional
hints that several of them share (:mod:`.scan`).  :mod:`.extract` puts them together.
"""
