"""Comments: reader comment sections found, read into :class:`Comment` records, and cut.

Runs on the parsed tree before metadata and content, so that no comment text can
reach the article body.  The modules, in the order the stage uses them:

- :mod:`.extract`: the entry points ``find_comment_sections``, ``section_rule`` and
  ``extract_comments``;
- :mod:`.hints`: the one walk that finds comment item candidates, reply forms and
  the article's links to its thread;
- :mod:`.markup`: what class/id tokens, ids and schema types say about an element,
  and the tree helpers the others share;
- :mod:`.entries`: threads without comment markup, a header over repeated signed entries;
- :mod:`.items`: which elements each hold one comment;
- :mod:`.sections`: the roots cut around items, forms and headers;
- :mod:`.replies`: reply parents, which comment answers which;
- :mod:`.body`: a comment's text, without its chrome;
- :mod:`.signatures`: a comment's author and date;
- :mod:`.posts`: runs of signed sibling posts (a forum's or a Q&A page's posts);
- :mod:`.thread`: forum threads and Q&A pages, whose opening post is the article and
  whose replies are the comments (``find_thread``, ``thread_items``, ``thread_cuts``,
  ``opening_page``, and ``opening_card``: the starter and day on the opening post);
- :mod:`.quotes`: a thread reply's parent, the earlier post its quote names;
- :mod:`.phrases`: the tests for comment headers, reply forms and "says:" labels,
  shared with the text-dump path (words from the ``[comments]`` table of the
  language files).
"""
