"""The units' public pages (机构信息): the unit list, each unit's page with its newest
documents and 年报, and its catalogue (the public documents it published).

Only units with ``is_public`` and only what ``visibility`` lets the public see; cached by the
page cache until the catalogue or the units change (``catalogue`` and ``site`` tags: every
page save bumps ``catalogue``, every unit or leader save ``site``)."""
