"""Plain-text dumps: a page saved as text to an :class:`Article`.

Leaves the HTML path after decoding.  The modules, in the order a dump goes through them:

- :mod:`.lines` - tests of one line: buttons, template text, end-of-article cues,
  bylines, dates and credits;
- :mod:`.units` - the dump's lines as units (hard-wrapped paragraphs joined) and
  the shape tests the stages share;
- :mod:`.comments` - the comment section after the article, and its comments;
- :mod:`.headline` - how much a line stands where a headline stands (its neighbours);
- :mod:`.title` - the head line and the story's heading;
- :mod:`.dateline` - the byline and date in the short lines around the heading;
- :mod:`.figures` - captions shown twice around a credit, or over "Photo: …";
- :mod:`.classify` - which units are the article, jusText-style in context;
- :mod:`.teasers` - an index page's teasers, which mean the page has no article;
- :mod:`.dump` - the entry point: runs the stages and assembles the Article.
"""
