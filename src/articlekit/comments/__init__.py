"""Comments: reader comment sections found, read into :class:`Comment` records, and cut.

Runs on the parsed tree before metadata and content, so that no comment text can
reach the article body.  :mod:`.extract` finds the sections and their comments
(author, date, text, reply parent); :mod:`.phrases` holds the tests for comment
headers, reply forms and "says:" labels that the text-dump path shares.
"""
