"""Stage 3, content: the tree and its metadata to typed blocks and figures.

:mod:`.furniture` strips and cuts what is never article text (navigation, forms,
hidden elements, subtrees named as furniture by :mod:`.class_hints`);
:mod:`.selection` picks the element that holds the article and :mod:`.cleaning`
strips what is left inside it (link lists, share buttons and fine print that
:mod:`.boilerplate_text` recognises); :mod:`.blocks` turns it into paragraphs,
headings, lists, quotes, code and tables; :mod:`.figures` pulls out images with
their captions and credits.  The tree is changed in place: cut nodes are gone for
every later stage.
"""
