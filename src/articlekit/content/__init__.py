"""Content: the tree and its metadata to typed blocks and figures.

:mod:`.furniture` strips and cuts what is never article text (navigation, forms,
hidden elements, subtrees that :mod:`.class_hints` names as furniture), and
:mod:`.cleaning` what is left inside the content (link lists, share buttons and the
fine print that :mod:`.boilerplate_text` recognises; shared helpers in
:mod:`.pruning`).  :mod:`.selection` picks the element that holds the
article (:func:`~.selection.find_main_content`), from :mod:`.scoring` (paragraph
scores and the ranking of containers), :mod:`.candidates` (which container wins),
:mod:`.gathering` (the body split over siblings and same-named containers),
:mod:`.lead` (the standfirst and lead picture kept apart from the body) and
:mod:`.listing` (a page of teasers has no article).  :mod:`.blocks` turns it into
paragraphs, headings, lists, quotes, code and tables
(:func:`~.blocks.build_blocks`): :mod:`.walker` walks the tree into blocks,
:mod:`.metadata_lines` leaves out the title, byline, read-time and date lines
that repeat the metadata, :mod:`.residue` the template residue and trailing
headings.  :mod:`.figures` pulls out images with their captions and credits.  The
tree is changed in place: cut nodes are gone for every later stage.
"""
