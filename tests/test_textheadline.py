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
