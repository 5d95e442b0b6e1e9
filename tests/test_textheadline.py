"""The story's headline in whole-page dumps that keep no ``<title>`` line (Resiliparse's
layout): teasers, blog descriptions and archive URLs around it."""

from __future__ import annotations

from text_samples import STORY

from articlekit.input.replay import archived_url
from articlekit.options import Options
from articlekit.text.dump import parse_text_dump
from articlekit.text.headline import site_labels, slug_tokens
from articlekit.text.units import split_units

HEADLINE = "Market hall to open in the old tram depot next spring"

# A news site's sidebar lists its latest stories as Resiliparse writes them: each teaser's
# picture link as a one-item list under the date, then its headline; a link long enough
# for a paragraph is no paragraph of the story.
TEASER = (
    "Will the council vote on the new parking rules for the town centre before the winter "
    "markets open?"
)
TEASER_DUMP = f"""  • News
  • Sport

1. November 2023
  • Ferry timetable changes for the winter season announced

Ferry timetable changes for the winter season announced

1. November 2023
  • {TEASER}

{TEASER}

31. October 2023

Home / Local / {HEADLINE}

{HEADLINE}

Jane Roe 15. October 2023

Read also

Fishing festival returns to the old quay this summer

30. October 2023

{STORY[0]}

{STORY[1]}

{STORY[2]}
"""


def test_a_teaser_whose_link_repeats_its_headline_is_no_breadcrumb() -> None:
    article = parse_text_dump(TEASER_DUMP, None, Options())
    assert article.title == HEADLINE
    assert article.date == "2023-10-15"
    assert article.byline == "Jane Roe"
    # a trail of items does end with the page: "1. Home / 2. Local / 3. Story"
    trail = TEASER_DUMP.replace(f"Home / Local / {HEADLINE}", f"1. Home\n2. Local\n3. {HEADLINE}")
    assert parse_text_dump(trail, None, Options()).title == HEADLINE


DESCRIPTION = (
    "Market Notes is where two traders from the old quarter write about stalls, growers and "
    "the bakers who keep the town's markets going."
)
BLOG_DUMP = f"""skip to main | skip to sidebar

{DESCRIPTION}

Tuesday, 28 April 2020

Back at the depot

{STORY[0]}

{STORY[1]}
"""


def test_a_dateline_parts_the_blogs_description_from_the_post() -> None:
    # the description and the post's first paragraph are no run of prose: the date and
    # headline between them start the post
    url = "https://marketnotes.example/2020/04/back-at-the-depot.html"
    article = parse_text_dump(BLOG_DUMP, url, Options())
    assert article.title == "Back at the depot"
    assert article.date == "2020-04-28"


def test_a_dateline_over_a_longer_caption_is_no_wrapped_paragraph() -> None:
    dump = (
        "23.06.2016 at 16:14 - Jane Roe - 91 comments on this story\n"
        "The old tram depot seen from the harbour road, with the market stalls drawn in "
        "by the architects (plan: city council)\n"
    )
    units = split_units(dump)
    assert [u.text[:10] for u in units] == ["23.06.2016", "The old tr"]
    wrapped = (
        "The regional council approved a plan on Monday to rebuild the old\n"
        "harbour wall, which was damaged in last winter's storms and has been\n"
        "closed to walkers since January.\n"
    )
    assert len(split_units(wrapped)) == 1


def test_a_web_archive_replay_url_names_the_archived_site() -> None:
    replay = "https://web.archive.org/web/20160401095740/http://www.gazette.example/market-hall"
    assert archived_url(replay) == "http://www.gazette.example/market-hall"
    assert archived_url("https://gazette.example/a?b=1 ") == "https://gazette.example/a?b=1"
    assert site_labels(replay) == frozenset(["www", "gazette"])
    assert slug_tokens(replay) == frozenset(["market", "hall"])
    query = "https://web.archive.org/web/2011id_/http://club.example/index.php?site=news"
    assert archived_url(query) == "http://club.example/index.php?site=news"


def test_a_caption_over_a_longer_byline_is_no_wrapped_paragraph() -> None:
    # the first line would have taken the next line's first word had it been wrapped
    dump = (
        "Stalls in the old tram depot seen from the harbour road Photo agency\n"
        "By Jane Roe/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17 pm EST\n"
    )
    assert [u.text[:6] for u in split_units(dump)] == ["Stalls", "By Jan"]


META_LIST_DUMP = f"""  • News
  • Local

{HEADLINE}

The council's plan for the depot, and what the traders and the neighbours say about it.

  • Jane Roe & John Doe
    • Local
  • 26. October 2023

{STORY[0]}

{STORY[1]}

{STORY[2]}
"""


def test_names_in_the_posts_meta_list_are_its_byline() -> None:
    # Resiliparse lists the post's meta: authors, category and date as items of one list
    article = parse_text_dump(META_LIST_DUMP, None, Options())
    assert (article.title, article.date) == (HEADLINE, "2023-10-26")
    assert article.byline == "Jane Roe & John Doe"
    # a list without the date is a menu's
    menu = META_LIST_DUMP.replace("  • 26. October 2023\n", "")
    assert parse_text_dump(menu, None, Options()).byline is None


BIO = (
    "Jane Roe writes about markets, trade and the town's old buildings for the Gazette, "
    "where she has worked since 2015."
)
AUTHOR_BOX_DUMP = f"""{HEADLINE}

{STORY[0]}

{STORY[1]}

{STORY[2]}

  • Jane Roe

{BIO}
"""


def test_an_author_box_whose_name_is_a_list_item() -> None:
    assert parse_text_dump(AUTHOR_BOX_DUMP, None, Options()).byline == "Jane Roe"


LIST_STORY_DUMP = f"""  • Home
  • Blog

These Weeks in the Market Hall: Issue 12

Stalls and growers

  • {STORY[0]}
  • {STORY[1]}

Neighbours

  • {STORY[2]}
  • {STORY[3]}

Our new stalls are ready for the spring market!
"""


def test_a_story_told_in_lists_starts_with_its_first_item() -> None:
    from articlekit.text.headline import Neighbourhood

    units = split_units(LIST_STORY_DUMP)
    near = Neighbourhood.of(units, None)
    first = next(i for i, u in enumerate(units) if u.text == f"• {STORY[0]}")
    # list items are no paragraph under a headline, but they start the story's text, so
    # a line under them is a section heading, not the headline
    assert not near.prose[first] and near.main_start() == first
    article = parse_text_dump(LIST_STORY_DUMP, None, Options())
    assert article.title == "These Weeks in the Market Hall: Issue 12"


NOTICE = (
    "Thank you for visiting the Gazette. You are using a browser version with limited "
    "support for our pages, so some of them may not show as they should."
)
NOTICE_DUMP = f"""Skip to main content

{NOTICE}

Skip to main content

{NOTICE}

NEWS

24 September 2019

{HEADLINE}

Jane Roe

{STORY[0]}

{STORY[1]}
"""


def test_a_notice_shown_twice_is_no_run_of_prose() -> None:
    # the browser notice's banner and its <noscript> copy do not start the story, so the
    # headline under them is not taken for a section heading of its text
    article = parse_text_dump(NOTICE_DUMP, None, Options())
    assert (article.title, article.date) == (HEADLINE, "2019-09-24")
