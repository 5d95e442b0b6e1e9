"""Metadata: the parsed tree to a :class:`Metadata` record.

Reads the tree without changing it: ``<meta>`` tags (:mod:`.tags`), JSON-LD
(:mod:`.jsonld`), the visible title (:mod:`.title`), byline (:mod:`.byline`) and
date (:mod:`.dates`, written dates in :mod:`.textdates`), with the positional
hints that several of them share (:mod:`.scan`).  :mod:`.extract` puts them together.

The byline is a package of its own: :mod:`.byline.vocabulary` (its language words),
:mod:`.byline.names` (a byline text as names), :mod:`.byline.exclusion` (boxes that
name other people), :mod:`.byline.visible` (candidates around the headline),
:mod:`.byline.anywhere` (a by-line anywhere in the page), :mod:`.byline.structured`
(JSON-LD and ``<meta>`` authors), :mod:`.byline.site` (the site named as its own
author) and :mod:`.byline.choose` (weighing them: ``explain_byline``).
"""
