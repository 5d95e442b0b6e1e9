"""Input: what the caller hands in, to a clean parsed tree.

Takes bytes, text, a path, a file object or a soup; gives a :class:`Source`
(:mod:`.source`), its text decoded and cleaned within the limits (:mod:`.decode`),
and for markup an lxml tree with the depth and node limits enforced (:mod:`.tree`).
Nothing here knows what an article is.
"""
