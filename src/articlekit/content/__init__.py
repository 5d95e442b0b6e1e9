"""Stage 3, content: the tree and its metadata to typed blocks and figures.

:mod:`.boilerplate` marks and cuts what is never article text (navigation, share
buttons, forms, fine print); :mod:`.selection` picks the element that holds the
article; :mod:`.blocks` turns it into paragraphs, headings, lists, quotes, code and
tables; :mod:`.figures` pulls out images with their captions and credits.  The
tree is changed in place: cut nodes are gone for every later stage.
"""
