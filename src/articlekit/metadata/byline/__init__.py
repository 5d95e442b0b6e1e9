"""Who wrote the article: the byline as shown, and each author's name.

The visible byline is what a reader sees ("By Jane Doe and John Roe", "Von
Heike Buchter"); structured data (JSON-LD ``author``, ``<meta name=author>``)
is often stale, a CMS account name or the publisher.  So a visible byline near
the headline wins, and structured authors fill in when the page shows none.
Candidates inside related-article lists, sidebars, navigation and comment
areas are never taken: those name other people.

Modules: :mod:`.vocabulary` (the language words, from :mod:`articlekit.languages`),
:mod:`.names` (a byline text as names), :mod:`.exclusion` (boxes that name other
people), :mod:`.visible` (candidates around the headline), :mod:`.anywhere` (a
by-line anywhere in the page), :mod:`.signature` (a name signed under the text),
:mod:`.structured` (JSON-LD and ``<meta>`` authors), :mod:`.confirmed` (declared
authors the page confirms without printing them), :mod:`.site` (the site named
as author) and :mod:`.choose` (:func:`explain_byline`).
"""

from articlekit.metadata.byline.choose import explain_byline
from articlekit.metadata.byline.names import Byline, clean_byline, split_names

__all__ = ["Byline", "clean_byline", "explain_byline", "split_names"]
