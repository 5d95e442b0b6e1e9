"""Sample texts the text-dump tests share: a story's paragraphs, written for the tests."""

from __future__ import annotations

STORY = (
    "The district council agreed on Thursday to turn the empty tram depot into a market hall, "
    "ending a dispute over the site that had run for more than six years.",
    "Traders will be able to rent one of forty stalls from next spring, and the council said "
    "that half of them would be kept for growers and bakers from the surrounding villages.",
    "The conversion is expected to cost about four million euros, most of which will come from "
    "a regional fund for old industrial buildings that are given a new public use.",
    "Neighbours had asked for the depot's brick front and its iron roof to be kept, and the "
    "architects said both would be restored before the hall opens to the public.",
)
"""Four paragraphs of a local news story about a market hall."""
PROSE = (
    "The regional council approved a plan on Monday to rebuild the old harbour wall, which "
    "was damaged in last winter's storms and has been closed to walkers since January."
)
MORE = (
    "Engineers say the work will take about eighteen months, and the council expects the "
    "promenade to reopen in stages as each section of the wall is finished and inspected."
)
